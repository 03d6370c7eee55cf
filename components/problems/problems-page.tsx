import Link from "next/link";
import { ProblemStatusBadge, SeverityBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatTarget } from "@/lib/format/format-percent";
import type { ProblemListItemResource } from "@/lib/problems/problem.schema";
import { problemListSearch, type ProblemListQuery, type ProblemSort } from "@/lib/problems/problem-list-query";
import { CoverageHintBadges } from "./coverage-hint-badges";
import { ProblemListControls } from "./problem-list-controls";

type ProblemsPageProps = {
  project: { slug: string; name: string };
  query: ProblemListQuery;
  page: { items: ProblemListItemResource[]; nextCursor: string | null };
  owners: { id: string; name: string }[];
  canWrite: boolean;
};

const buttonLink = "inline-flex items-center rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-800";

export function ProblemsPage({ project, query, page, owners, canWrite }: ProblemsPageProps) {
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
        description="Known weaknesses of the model, each backed by 10–15 patterns (positive and negative) and a target error rate."
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
