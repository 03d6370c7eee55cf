import { OutputDistributionChart } from "@/components/charts/output-distribution-chart";
import { formatShare } from "@/components/charts/output-distribution-format";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { OutputDistributionComparison } from "@/lib/models/compare-output-distributions";
import type { OutputDistributionView } from "@/lib/models/get-output-distribution-view";

const MOVED_SHOWN = 5;

/** The compare page's outputs section: both versions' output distributions side by side, the shift in one number and the labels that moved most. */
export function OutputShiftSection({ comparison, baselineLabel, candidateLabel }: { comparison: OutputDistributionComparison; baselineLabel: string; candidateLabel: string }) {
  const { shift } = comparison;
  const kind = comparison.candidate.distribution.kind;
  const moved = shift.moved.filter((m) => m.change !== 0).slice(0, MOVED_SHOWN);
  return (
    <section aria-labelledby="outputs-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="outputs-heading" className="text-base font-semibold text-slate-900">
          Outputs
        </h2>
        <p className="text-sm text-slate-600">How the two versions&apos; outputs spread over the current patterns.</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm sm:px-5">
        <p className="text-sm text-slate-700">
          Shift of the outputs:{" "}
          <strong data-testid="output-shift" className="text-lg tabular-nums text-slate-900">
            {shift.value.toFixed(2)}
          </strong>{" "}
          <span className="text-slate-600">
            {shift.statistic === "jensen_shannon"
              ? "Jensen–Shannon distance (0: the same mix of labels, 1: no label in common)"
              : `Kolmogorov–Smirnov statistic${kind === "text" ? " of the output lengths" : ""} (0: the same distribution, 1: no overlap)`}
            {shift.wasserstein !== null && kind === "number" ? ` · Wasserstein distance ${formatNumber(shift.wasserstein)}` : ""}
          </span>
        </p>
        {moved.length > 0 ? (
          <Table aria-label="Labels that moved most" containerClassName="mt-3">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Label</TableHeaderCell>
                <TableHeaderCell className="text-right normal-case tracking-normal">{baselineLabel}</TableHeaderCell>
                <TableHeaderCell className="text-right normal-case tracking-normal">{candidateLabel}</TableHeaderCell>
                <TableHeaderCell className="text-right">Change</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {moved.map((m) => (
                <TableRow key={m.value} data-testid="moved-label">
                  <TableHeaderCell scope="row" className="font-normal">
                    {m.value}
                  </TableHeaderCell>
                  <TableCell className="text-right tabular-nums">{formatShare(m.from)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatShare(m.to)}</TableCell>
                  <TableCell className={`text-right tabular-nums font-medium ${m.change > 0 ? "text-blue-800" : "text-orange-800"}`}>
                    {m.change > 0 ? "+" : "−"}
                    {Math.abs(m.change * 100).toFixed(0)} pts
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Side view={comparison.baseline} label={`${baselineLabel} (baseline)`} colorIndex={0} testId="baseline-distribution" />
        <Side view={comparison.candidate} label={candidateLabel} colorIndex={1} testId="candidate-distribution" />
      </div>
    </section>
  );
}

function Side({ view, label, colorIndex, testId }: { view: OutputDistributionView; label: string; colorIndex: number; testId: string }) {
  const { distribution, lengths } = view;
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <h3 className="mb-2 text-sm font-semibold text-slate-800">
        {label} <span className="font-normal text-slate-600">· {distribution.total} outputs</span>
      </h3>
      {distribution.kind === "text" ? (
        <OutputDistributionChart scale="length" buckets={lengths ?? []} name={`Lengths of the outputs of ${label}`} colorIndex={colorIndex} testId={testId} />
      ) : (
        <OutputDistributionChart
          scale={distribution.kind}
          buckets={distribution.buckets}
          name={distribution.kind === "label" ? `Outputs of ${label} by label` : `Histogram of the outputs of ${label}`}
          colorIndex={colorIndex}
          testId={testId}
        />
      )}
    </div>
  );
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}
