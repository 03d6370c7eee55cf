import Link from "next/link";
import { Badge, ProblemStatusBadge, SeverityBadge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatPercent } from "@/lib/format/format-percent";
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
};

/** The sign-off sheet: one row per problem — evidence on the left, the current decision and the buttons on the right. */
export function SignoffSheetTable({ projectSlug, modelVersionId, rows, baselineLabel, canDecide }: SignoffSheetTableProps) {
  return (
    <Table aria-label="Sign-off per problem" containerClassName="print:overflow-visible print:border-0">
      <TableHead>
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
      <TableBody>
        {rows.map(({ problem, rate, comparison, signoff, assessment }) => (
          <TableRow key={problem.id} data-testid={`signoff-row-${problem.key}`} className="break-inside-avoid">
            <TableCell className="min-w-48">
              <Link href={`/projects/${projectSlug}/problems/${problem.key}`} className="font-medium text-blue-700 hover:underline">
                {problem.key}
              </Link>{" "}
              <span className="text-slate-800">{problem.title}</span>
              <div className="mt-1 flex flex-wrap gap-1">
                <SeverityBadge severity={problem.severity} />
                {problem.status !== "open" ? <ProblemStatusBadge status={problem.status} /> : null}
              </div>
            </TableCell>
            <TableCell className="whitespace-nowrap text-right tabular-nums">{formatPercent(problem.target)}</TableCell>
            <TableCell className="whitespace-nowrap text-right tabular-nums" data-testid={`sheet-rate-${problem.key}`}>
              {rate ? (
                <>
                  {formatPercent(rate.errorRate)} <span className="text-slate-600">(n={rate.n})</span>
                  <span className="block text-xs text-slate-600">
                    95%: {formatPercent(rate.low)}–{formatPercent(rate.high)}
                  </span>
                  {rate.errored ? <span className="block text-xs text-amber-900">{rate.errored} errored</span> : null}
                </>
              ) : (
                <span className="text-slate-500">no result</span>
              )}
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {assessment.meetsTarget === null ? (
                <span className="text-slate-500">—</span>
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
            <TableCell className="whitespace-nowrap">
              {comparison ? (
                <div className="space-y-1">
                  <Badge tone={VERDICT_TONE[comparison.verdict]}>{comparison.verdict}</Badge>
                  <div className="text-xs text-slate-700 tabular-nums">
                    {comparison.fixed} fixed · {comparison.broken} broken
                  </div>
                  <div className="text-xs text-slate-600 tabular-nums">p = {formatPValue(comparison.pValue)}</div>
                </div>
              ) : (
                <span className="text-slate-500">no baseline</span>
              )}
            </TableCell>
            <TableCell data-testid={`sheet-signoff-${problem.key}`}>
              <CurrentSignoff signoff={signoff} />
              {!canDecide && assessment.thin ? <p className="mt-1 text-xs text-amber-900">{assessment.thin}</p> : null}
            </TableCell>
            {canDecide ? (
              <TableCell className="print:hidden">
                <SignoffDecisionForm problem={problem} modelVersionId={modelVersionId} incomplete={assessment.incomplete} thin={assessment.thin} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
