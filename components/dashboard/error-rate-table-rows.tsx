"use client";
import type { ErrorRateChartSignoff } from "@/components/charts/error-rate-chart";
import { ProblemLabel } from "@/components/problems/problem-label";
import { TableCell, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { Severity } from "@/lib/db/generated/enums";
import { formatTarget } from "@/lib/format/format-percent";
import type { ErrorRate } from "@/lib/results/list-error-rates";
import { ErrorRateCell } from "./error-rate-cell";

type Props = {
  projectSlug: string;
  /** The columns' versions, for the cells' test ids ("rate-KEY-name@version"). */
  versions: { id: string; name: string; version: string }[];
  rows: { problem: { id: string; key: string; title: string; severity: Severity; target: number }; cells: (ErrorRate | null)[] }[];
  /** signoffs[row][column]: the current sign-off shown in the cell. */
  signoffs?: ErrorRateChartSignoff[][];
};

/**
 * The numbers table's rows. A client component on purpose: the page's React payload then carries each problem's
 * rates instead of its rendered row (repeated beside the HTML).
 */
export function ErrorRateTableRows({ projectSlug, versions, rows, signoffs }: Props) {
  return rows.map(({ problem, cells }, row) => (
    <TableRow key={problem.id}>
      <TableHeaderCell scope="row" className="sticky-col">
        <ProblemLabel projectSlug={projectSlug} problem={problem} />
      </TableHeaderCell>
      <TableCell className="num text-slate-700">≤ {formatTarget(problem.target)}</TableCell>
      {cells.map((rate, i) => {
        const v = versions[i];
        return (
          <ErrorRateCell
            key={v?.id ?? i}
            rate={rate}
            target={problem.target}
            testId={v ? `rate-${problem.key}-${v.name}@${v.version}` : undefined}
            signoff={signoffs?.[row]?.[i] ?? null}
          />
        );
      })}
    </TableRow>
  ));
}
