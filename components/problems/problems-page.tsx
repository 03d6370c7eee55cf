import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ProblemListItemResource } from "@/lib/problems/problem.schema";
import { problemListSearch, type ProblemListQuery, type ProblemSort } from "@/lib/problems/problem-list-query";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import type { ErrorRate } from "@/lib/results/list-error-rates";
import { ProblemsTableRows } from "./problems-table-rows";
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
  const latestLabel = latest ? modelVersionLabel(latest.modelVersion) : "";
  const base = `/projects/${project.slug}/problems`;
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
          <Table aria-label="Problems" className="cards-sm">
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
                    Latest: <Link href={`/projects/${project.slug}/models/${latest.modelVersion.id}`} className="hover:underline">{latestLabel}</Link>
                  </TableHeaderCell>
                ) : null}
                <TableHeaderCell className="hidden lg:table-cell">Owner</TableHeaderCell>
                {sortHeader("updatedAt", "Changed", "hidden lg:table-cell")}
              </TableRow>
            </TableHead>
            <TableBody>
              <ProblemsTableRows
                base={base}
                latestLabel={latest ? latestLabel : null}
                rows={page.items.map((problem) => ({
                  id: problem.id,
                  key: problem.key,
                  title: problem.title,
                  severity: problem.severity,
                  status: problem.status,
                  target: problem.target,
                  patternCount: problem.patternCount,
                  patternCounts: problem.patternCounts,
                  coverageHints: problem.coverageHints,
                  updatedAt: problem.updatedAt,
                  ownerName: problem.owner?.name ?? null,
                  ...(latest ? { latest: rateOf.get(problem.id) ?? null } : {}),
                }))}
              />
            </TableBody>
          </Table>
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
