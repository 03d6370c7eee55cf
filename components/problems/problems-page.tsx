import Link from "next/link";
import { ProblemStatusBadge, SeverityBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatTarget } from "@/lib/format/format-percent";
import type { ProblemListItemResource } from "@/lib/problems/problem.schema";
import { problemListSearch, type ProblemListQuery, type ProblemSort } from "@/lib/problems/problem-list-query";
import { ErrorRateCell } from "@/components/dashboard/error-rate-cell";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import type { ErrorRate } from "@/lib/results/list-error-rates";
import { measure, notMeasuredReason } from "@/lib/results/measurement";
import { formatPercent } from "@/lib/format/format-percent";
import { CoverageHintBadges } from "./coverage-hint-badges";
import { ProblemListControls } from "./problem-list-controls";

type ProblemsPageProps = {
  project: { slug: string; name: string };
  query: ProblemListQuery;
  page: { items: ProblemListItemResource[]; nextCursor: string | null };
  owners: { id: string; name: string }[];
  canWrite: boolean;
  /** The newest model version and its error rates on the listed problems; null before any is registered. */
  latest: { modelVersion: { id: string; name: string; version: string }; rates: ErrorRate[] } | null;
};

const buttonLink = "inline-flex items-center rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-800";

export function ProblemsPage({ project, query, page, owners, canWrite, latest }: ProblemsPageProps) {
  const rateOf = new Map(latest?.rates.map((r) => [r.problemId, r]));
  const base = `/projects/${project.slug}/problems`;
  const problemHref = (key: string) => `${base}/${encodeURIComponent(key)}`;
  const filtered = !!(query.q || query.severities.length || query.statuses.length || query.ownerIds.length);

  // Column headers sort: the first click sorts ascending, the next flips the order.
  const sortHeader = (sort: ProblemSort, label: string, className = "") => {
    const current = query.sort === sort;
    const order = current && query.order === "asc" ? "desc" : "asc";
    return (
      <TableHeaderCell className={className} aria-sort={current ? (query.order === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={`${base}${problemListSearch(query, { sort, order, cursor: null })}`} className="inline-flex items-center gap-1 hover:text-slate-900 hover:underline">
          {label}
          {current ? <span aria-hidden="true">{query.order === "asc" ? "▲" : "▼"}</span> : null}
        </Link>
      </TableHeaderCell>
    );
  };

  return (
    <>
      <PageHeader
        title="Problems"
        description="Known weaknesses of the model, each backed by 10–15 patterns (cases and controls) and a target error rate."
        actions={
          canWrite ? (
            <Link href={`${base}/new`} className={buttonLink}>
              New problem
            </Link>
          ) : null
        }
      />
      <div className="space-y-4">
        <ProblemListControls action={base} query={query} owners={owners} />
        {page.items.length === 0 ? (
          filtered || query.cursor ? (
            <EmptyState title="No problems match">Change the search or the filters, or clear them.</EmptyState>
          ) : (
            <EmptyState title="No problems logged yet" action={canWrite ? { href: `${base}/new`, label: "Log a problem" } : undefined}>
              {canWrite
                ? "Log a problem the model is known to have, then add 10–15 patterns: examples of it that every model version is replayed on."
                : "Engineers log the problems the model is known to have; testers then add their patterns."}
            </EmptyState>
          )
        ) : (
          <>
            <ul aria-label="Problems" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white sm:hidden">
              {page.items.map((problem) => (
                <li key={problem.id} className="px-4 py-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={problemHref(problem.key)} className="font-semibold text-blue-700 hover:underline">
                      {problem.key}
                    </Link>
                    <SeverityBadge severity={problem.severity} />
                    <ProblemStatusBadge status={problem.status} />
                  </div>
                  <p className="mt-1 text-slate-800">{problem.title}</p>
                  <p className="mt-1 text-sm text-slate-600">
                    target ≤ {formatTarget(problem.target)} · {problem.patternCount} patterns ({problem.patternCounts.control} control · {problem.patternCounts.production} prod)
                    {problem.owner ? ` · ${problem.owner.name}` : ""}
                  </p>
                  {latest ? <LatestRateText label={modelVersionLabel(latest.modelVersion)} rate={rateOf.get(problem.id) ?? null} target={problem.target} /> : null}
                  {problem.coverageHints.length ? (
                    <div className="mt-2">
                      <CoverageHintBadges hints={problem.coverageHints} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
            <Table aria-label="Problems" containerClassName="hidden sm:block">
              <TableHead>
                <TableRow>
                  {sortHeader("key", "Key")}
                  <TableHeaderCell>Title</TableHeaderCell>
                  {sortHeader("severity", "Severity")}
                  {sortHeader("status", "Status")}
                  <TableHeaderCell className="text-right">Target</TableHeaderCell>
                  {sortHeader("patternCount", "Patterns", "text-right")}
                  <TableHeaderCell>Coverage</TableHeaderCell>
                  {latest ? (
                    <TableHeaderCell className="text-right normal-case tracking-normal">
                      Latest: <Link href={`/projects/${project.slug}/models/${latest.modelVersion.id}`} className="hover:underline">{modelVersionLabel(latest.modelVersion)}</Link>
                    </TableHeaderCell>
                  ) : null}
                  <TableHeaderCell className="hidden lg:table-cell">Owner</TableHeaderCell>
                  {sortHeader("updatedAt", "Changed", "hidden lg:table-cell")}
                </TableRow>
              </TableHead>
              <TableBody>
                {page.items.map((problem) => (
                  <TableRow key={problem.id}>
                    <TableCell className="whitespace-nowrap">
                      <Link href={problemHref(problem.key)} className="font-semibold text-blue-700 hover:underline">
                        {problem.key}
                      </Link>
                    </TableCell>
                    <TableCell className="min-w-48">{problem.title}</TableCell>
                    <TableCell>
                      <SeverityBadge severity={problem.severity} />
                    </TableCell>
                    <TableCell>
                      <ProblemStatusBadge status={problem.status} />
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-right tabular-nums">≤ {formatTarget(problem.target)}</TableCell>
                    <TableCell className="whitespace-nowrap text-right tabular-nums">
                      {problem.patternCount}
                      <span className="block text-xs text-slate-600">
                        {problem.patternCounts.control} control · {problem.patternCounts.production} prod
                      </span>
                    </TableCell>
                    <TableCell>
                      <CoverageHintBadges hints={problem.coverageHints} />
                    </TableCell>
                    {latest ? <ErrorRateCell rate={rateOf.get(problem.id) ?? null} target={problem.target} testId={`latest-${problem.key}`} /> : null}
                    <TableCell className="hidden whitespace-nowrap lg:table-cell">{problem.owner?.name ?? "—"}</TableCell>
                    <TableCell className="hidden whitespace-nowrap text-slate-600 lg:table-cell">{problem.updatedAt.slice(0, 10)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
        {query.cursor || page.nextCursor ? (
          <nav aria-label="Pages" className="flex items-center justify-between text-sm">
            {query.cursor ? (
              <Link href={`${base}${problemListSearch(query, { cursor: null })}`} className="font-medium text-blue-700 hover:underline">
                ← First page
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <Link href={`${base}${problemListSearch(query, { cursor: page.nextCursor })}`} className="font-medium text-blue-700 hover:underline">
                Next page →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </>
  );
}

/** The phone list's line for a problem on the newest version: its rate, "above target" in words, or the not-measured warning. */
function LatestRateText({ label, rate, target }: { label: string; rate: ErrorRate | null; target: number }) {
  const measurement = measure(rate, target);
  return (
    <p className="mt-1 text-sm text-slate-700" data-measurement={measurement}>
      {label}:{" "}
      {measurement === "not_measured" ? (
        <strong className="font-semibold text-amber-900">
          <span aria-hidden="true">⚠ </span>not measured ({notMeasuredReason(rate)})
        </strong>
      ) : measurement === "above_target" ? (
        <strong className="font-semibold text-red-800">
          <span aria-hidden="true">▲ </span>
          {formatPercent(rate?.errorRate)} above target
        </strong>
      ) : (
        <>{formatPercent(rate?.errorRate)}, at or under target</>
      )}{" "}
      {rate && rate.n > 0 ? <span className="text-slate-600">(n={rate.n})</span> : null}
    </p>
  );
}
