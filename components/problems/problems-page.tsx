import Link from "next/link";
import { Badge, ProblemStatusBadge, SeverityBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatPercent } from "@/lib/format/format-percent";
import { coverageHints } from "@/lib/problems/coverage-hints";
import type { ProblemListItem } from "@/lib/problems/list-problems";

type ProblemsPageProps = {
  project: { slug: string; name: string };
  problems: ProblemListItem[];
};

export function ProblemsPage({ project, problems }: ProblemsPageProps) {
  return (
    <>
      <PageHeader
        title="Problems"
        description="Known weaknesses of the model, each backed by 10–15 patterns (positive and negative) and a target error rate."
      />
      {problems.length === 0 ? (
        <EmptyState title="No problems logged yet">Log a problem and add its patterns to start tracking it.</EmptyState>
      ) : (
        <>
          <ul aria-label="Problems" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white sm:hidden">
            {problems.map((problem) => {
              const hints = coverageHints(problem.patternCounts);
              return (
                <li key={problem.id} className="px-4 py-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/projects/${project.slug}/problems/${encodeURIComponent(problem.key)}`}
                      className="font-semibold text-blue-700 hover:underline"
                    >
                      {problem.key}
                    </Link>
                    <SeverityBadge severity={problem.severity} />
                    <ProblemStatusBadge status={problem.status} />
                  </div>
                  <p className="mt-1 text-slate-800">{problem.title}</p>
                  <p className="mt-1 text-sm text-slate-600">
                    target ≤ {formatPercent(problem.target)} · {problem.patternCounts.total} patterns (
                    {problem.patternCounts.negative} neg · {problem.patternCounts.production} prod)
                  </p>
                  {hints.length > 0 ? (
                    <div className="mt-2 flex flex-wrap gap-1">
                      {hints.map((hint) => (
                        <Badge key={hint} tone="amber">
                          {hint}
                        </Badge>
                      ))}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <Table aria-label="Problems" containerClassName="hidden sm:block">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Key</TableHeaderCell>
                <TableHeaderCell>Title</TableHeaderCell>
                <TableHeaderCell>Severity</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell className="text-right">Target</TableHeaderCell>
                <TableHeaderCell className="text-right">Patterns</TableHeaderCell>
                <TableHeaderCell>Coverage</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {problems.map((problem) => {
                const hints = coverageHints(problem.patternCounts);
                return (
                  <TableRow key={problem.id}>
                    <TableCell className="whitespace-nowrap">
                      <Link
                        href={`/projects/${project.slug}/problems/${encodeURIComponent(problem.key)}`}
                        className="font-semibold text-blue-700 hover:underline"
                      >
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
                    <TableCell className="text-right tabular-nums whitespace-nowrap">≤ {formatPercent(problem.target)}</TableCell>
                    <TableCell className="text-right tabular-nums whitespace-nowrap">
                      {problem.patternCounts.total}
                      <span className="block text-xs text-slate-600">
                        {problem.patternCounts.negative} neg · {problem.patternCounts.production} prod
                      </span>
                    </TableCell>
                    <TableCell>
                      {hints.length === 0 ? (
                        <span className="text-sm text-emerald-800">
                          <span aria-hidden="true">✓ </span>ok
                        </span>
                      ) : (
                        <div className="flex flex-wrap gap-1">
                          {hints.map((hint) => (
                            <Badge key={hint} tone="amber">
                              {hint}
                            </Badge>
                          ))}
                        </div>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}
