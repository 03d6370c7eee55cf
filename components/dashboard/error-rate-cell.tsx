import type { ErrorRateChartSignoff } from "@/components/charts/error-rate-chart";
import { SignoffNote } from "@/components/signoffs/signoff-note";
import { TableCell } from "@/components/ui/table";
import type { ErrorRate } from "@/lib/results/list-error-rates";
import { formatPercent } from "@/lib/format/format-percent";
import { notMeasuredReason } from "@/lib/results/measurement";
import { isThinEvidence } from "@/lib/stats/thin-evidence";

type ErrorRateCellProps = {
  rate: ErrorRate | null;
  target: number;
  testId?: string;
  /** The current sign-off of this problem × version, shown under the rate. */
  signoff?: ErrorRateChartSignoff;
  /** In a table whose rows become cards on narrow screens: the column's name, shown there before the rate. */
  label?: string;
  className?: string;
};

/**
 * "42% (n=12)". The Wilson interval is in the title and in screen-reader text;
 * above-target cells carry an icon and words, not only a colour. A cell with
 * results but no pass or fail among them (every call errored, only awaiting a
 * grade) reads "⚠ not measured", never as a rate.
 */
export function ErrorRateCell({ rate, target, testId, signoff = null, label, className = "" }: ErrorRateCellProps) {
  if (!rate) {
    return (
      <TableCell data-testid={testId} data-label={label} data-measurement="not_measured" className={`text-center text-slate-400 ${className}`} title="No result: not measured">
        —<span className="sr-only"> no result, not measured</span>
      </TableCell>
    );
  }
  if (rate.n === 0) {
    const reason = notMeasuredReason(rate);
    return (
      <TableCell data-testid={testId} data-label={label} data-measurement="not_measured" data-n={0} title={`not measured: ${reason}`} className={`whitespace-nowrap text-right ${className}`}>
        <span className="font-semibold text-amber-900">
          <span aria-hidden="true" className="mr-1">
            ⚠
          </span>
          not measured
        </span>
        <span className="block text-xs font-normal text-amber-900">{reason}</span>
        <SignoffNote signoff={signoff} />
      </TableCell>
    );
  }
  const above = rate.errorRate !== null && rate.errorRate > target;
  const interval =
    rate.errorRate === null ? "no graded result" : `95% interval ${formatPercent(rate.low)}–${formatPercent(rate.high)}`;
  const thin = isThinEvidence(rate.n);
  const extras = [
    thin ? "thin evidence (n < 10)" : null,
    rate.errored > 0 ? `${rate.errored} errored` : null,
    rate.ungraded > 0 ? `${rate.ungraded} awaiting grade` : null,
  ].filter(Boolean);

  return (
    <TableCell
      data-testid={testId}
      data-label={label}
      data-rate={rate.errorRate ?? ""}
      data-measurement={above ? "above_target" : "at_or_under_target"}
      data-n={rate.n}
      title={[above ? "above target" : null, interval, ...extras].filter(Boolean).join(" · ")}
      className={`num ${above ? "bg-red-50 font-semibold text-red-800" : ""} ${className}`}
    >
      {above ? (
        <span aria-hidden="true" className="mr-1 text-xs">
          ▲
        </span>
      ) : null}
      {`${formatPercent(rate.errorRate)} `}
      <span className="font-normal text-slate-600">{`(n=${rate.n})`}</span>
      {rate.n > 0 ? (
        <span aria-hidden="true" className="sub">
          {`${formatPercent(rate.low)}–${formatPercent(rate.high)}`}
        </span>
      ) : null}
      <span className="sr-only">
        , {interval}
        {above ? ", above target" : ""}
      </span>
      {extras.length > 0 ? <span className="block text-xs font-normal text-amber-800"> {extras.join(", ")}</span> : null}
      <SignoffNote signoff={signoff} />
    </TableCell>
  );
}
