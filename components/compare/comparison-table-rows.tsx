"use client";
import { ProblemLabel } from "@/components/problems/problem-label";
import { TableCell, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatTarget } from "@/lib/format/format-percent";
import { formatPValue } from "@/lib/format/format-p-value";
import type { ProblemComparisonResource } from "@/lib/results/get-comparison-resource.schema";
import { ComparisonVerdictBadge } from "./comparison-verdict-badge";
import { RateWithInterval } from "./rate-with-interval";

export type ComparisonRow = Pick<
  ProblemComparisonResource,
  "problemId" | "key" | "title" | "severity" | "target" | "verdict" | "baseline" | "candidate" | "fixed" | "broken" | "pValue" | "unpaired"
>;

type Props = { projectSlug: string; rows: ComparisonRow[]; baselineLabel: string; candidateLabel: string };

/**
 * The compare table's rows. A client component on purpose: the page's React payload then carries each problem's
 * figures (~0.4 KB) instead of its rendered row (~2 KB, repeated beside the HTML), which halves the page's weight
 * and the server's work serialising it.
 */
export function ComparisonTableRows({ projectSlug, rows, baselineLabel, candidateLabel }: Props) {
  return rows.map((p) => (
    <TableRow key={p.problemId} data-testid={`comparison-${p.key}`} data-verdict={p.verdict}>
      <TableHeaderCell scope="row" className="basis-full font-normal sm:min-w-64">
        <ProblemLabel projectSlug={projectSlug} problem={p} />
      </TableHeaderCell>
      <TableCell className="basis-full">
        <ComparisonVerdictBadge verdict={p.verdict} />
      </TableCell>
      <TableCell className="basis-full sm:min-w-32 sm:text-right" data-label={baselineLabel}>
        <RateWithInterval rate={p.baseline} />
      </TableCell>
      <TableCell className="basis-full sm:min-w-32 sm:text-right" data-label={candidateLabel}>
        <RateWithInterval rate={p.candidate} testId={`candidate-rate-${p.key}`} />
      </TableCell>
      <TableCell className="num" data-label="Target">
        ≤ {formatTarget(p.target)}
      </TableCell>
      <TableCell className="num" data-label="Fixed">
        {p.fixed}
      </TableCell>
      <TableCell className={p.broken > 0 ? "num font-semibold text-red-800" : "num"} data-label="Broken">
        {p.broken}
      </TableCell>
      <TableCell className="num" data-label="p" data-testid={`p-${p.key}`}>
        {formatPValue(p.pValue).replace(/^p = /, "")}
        {p.unpaired > 0 ? <span className="block text-xs text-slate-500">{p.unpaired} not comparable</span> : null}
      </TableCell>
    </TableRow>
  ));
}
