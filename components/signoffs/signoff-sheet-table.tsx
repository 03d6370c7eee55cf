import Link from "next/link";
import { Badge, ProblemStatusBadge, SeverityBadge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatPercent, formatTarget } from "@/lib/format/format-percent";
import { formatPValue } from "@/lib/format/format-p-value";
import type { ComparisonVerdict } from "@/lib/results/compare-model-versions";
import type { SignoffSheetRow } from "@/lib/signoffs/list-signoff-sheet-rows";
import { CurrentSignoff } from "./current-signoff";
import { SignoffDecisionForm } from "./signoff-decision-form";

const VERDICT_TONE: Record<ComparisonVerdict, BadgeTone> = { better: "green", worse: "red", unchanged: "slate", inconclusive: "amber" };

type SignoffSheetTableProps = {
  projectSlug: string;
  modelVersionId: string;
  rows: SignoffSheetRow[];
  /** Label of the baseline the change column compares with; null when there is none. */
  baselineLabel: string | null;
  /** Show the Approve / Reject column (signoffs.write); others read. */
  canDecide: boolean;
  /** Smaller type and no minimum widths: the printable report's A4 width. */
  compact?: boolean;
};

// Narrow screens: each row becomes a card (cells stacked, each with its label); md+ and print: a table.
const ROW = "block py-2 md:table-row md:py-0 print:table-row print:py-0";
const CELL = "block py-1 md:table-cell md:py-2 print:table-cell print:py-2";

function CellLabel({ children }: { children: string }) {
  return <span className="mr-2 text-xs font-medium uppercase tracking-wide text-slate-500 md:hidden print:hidden">{children}</span>;
}

/** The sign-off sheet: one row per problem — evidence on the left, the current decision and the buttons on the right. */
export function SignoffSheetTable({ projectSlug, modelVersionId, rows, baselineLabel, canDecide, compact = false }: SignoffSheetTableProps) {
  const wide = compact ? "" : "md:min-w-48";
  return (
    <Table aria-label="Sign-off per problem" className={`block md:table print:table ${compact ? "text-xs" : ""}`} containerClassName="print:overflow-visible print:border-0">
      <TableHead className="hidden md:table-header-group print:table-header-group">
        <tr>
          <TableHeaderCell>Problem</TableHeaderCell>
          <TableHeaderCell className="text-right">Target</TableHeaderCell>
          <TableHeaderCell className="text-right">Error rate</TableHeaderCell>
          <TableHeaderCell>vs target</TableHeaderCell>
          <TableHeaderCell>{baselineLabel ? `vs ${baselineLabel}` : "vs baseline"}</TableHeaderCell>
          <TableHeaderCell>Sign-off</TableHeaderCell>
          {canDecide ? <TableHeaderCell className="print:hidden">Decide</TableHeaderCell> : null}
        </tr>
      </TableHead>
      <TableBody className="block md:table-row-group print:table-row-group">
        {rows.map(({ problem, rate, comparison, signoff, assessment }) => (
          <TableRow key={problem.id} data-testid={`signoff-row-${problem.key}`} className={`break-inside-avoid ${ROW}`}>
            <TableCell className={`${CELL} ${wide}`}>
              <Link href={`/projects/${projectSlug}/problems/${problem.key}`} className="font-medium text-blue-700 hover:underline">
                {problem.key}
              </Link>{" "}
              <span className="text-slate-800">{problem.title}</span>
              <div className="mt-1 flex flex-wrap gap-1">
                <SeverityBadge severity={problem.severity} />
                {problem.status !== "open" ? <ProblemStatusBadge status={problem.status} /> : null}
              </div>
            </TableCell>
            <TableCell className={`${CELL} whitespace-nowrap tabular-nums md:text-right print:text-right`}>
              <CellLabel>Target</CellLabel>
              {formatTarget(problem.target)}
            </TableCell>
            <TableCell className={`${CELL} whitespace-nowrap tabular-nums md:text-right print:text-right`} data-testid={`sheet-rate-${problem.key}`}>
              <CellLabel>Error rate</CellLabel>
              {rate ? (
                <>
                  {formatPercent(rate.errorRate)} <span className="text-slate-600">(n={rate.n})</span>
                  <span className="text-xs text-slate-600 md:block print:block">
                    {" "}95%: {formatPercent(rate.low)}–{formatPercent(rate.high)}
                  </span>
                  {rate.errored ? <span className="block text-xs text-amber-900">{rate.errored} errored</span> : null}
                </>
              ) : (
                <span className="text-slate-500">no result</span>
              )}
            </TableCell>
            <TableCell className={`${CELL} whitespace-nowrap`}>
              <CellLabel>vs target</CellLabel>
              {assessment.meetsTarget === null ? (
                // No pass or fail evidence: a warning, never a pass (sign-off is refused until there is some).
                <span className="font-semibold text-amber-900">
                  <span aria-hidden="true">⚠ </span>not measured
                </span>
              ) : assessment.meetsTarget ? (
                <span className="text-emerald-800">
                  <span aria-hidden="true">✓ </span>at or under
                </span>
              ) : (
                <span className="font-semibold text-red-800">
                  <span aria-hidden="true">▲ </span>above target
                </span>
              )}
            </TableCell>
            <TableCell className={`${CELL} whitespace-nowrap`}>
              <CellLabel>{baselineLabel ? `vs ${baselineLabel}` : "vs baseline"}</CellLabel>
              {comparison ? (
                <div className="inline-block space-y-1 align-top">
                  <Badge tone={VERDICT_TONE[comparison.verdict]}>{comparison.verdict}</Badge>
                  <div className="text-xs text-slate-700 tabular-nums">
                    {comparison.fixed} fixed · {comparison.broken} broken
                  </div>
                  <div className="text-xs text-slate-600 tabular-nums">{formatPValue(comparison.pValue)}</div>
                </div>
              ) : (
                <span className="text-slate-500">no baseline</span>
              )}
            </TableCell>
            <TableCell className={`${CELL} ${wide}`} data-testid={`sheet-signoff-${problem.key}`}>
              <CurrentSignoff signoff={signoff} />
              {!canDecide && assessment.thin ? <p className="mt-1 text-xs text-amber-900">{assessment.thin}</p> : null}
            </TableCell>
            {canDecide ? (
              <TableCell className={`${CELL} print:hidden`}>
                <SignoffDecisionForm problem={problem} modelVersionId={modelVersionId} incomplete={assessment.incomplete} thin={assessment.thin} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
