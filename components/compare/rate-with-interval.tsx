import { formatPercent } from "@/lib/format/format-percent";
import type { ProblemComparisonResource } from "@/lib/results/get-comparison-resource.schema";

/** "17% (8–31%) n=12": a rate is never shown without its 95% Wilson interval and n. */
export function RateWithInterval({ rate, testId }: { rate: ProblemComparisonResource["baseline"]; testId?: string }) {
  const extras = [rate.errored > 0 ? `${rate.errored} errored` : null, rate.ungraded > 0 ? `${rate.ungraded} awaiting grade` : null].filter(Boolean);
  if (rate.errorRate === null) {
    return (
      <span data-testid={testId} className="text-slate-500">
        no graded result{extras.length ? <span className="block text-xs text-amber-800">{extras.join(", ")}</span> : null}
      </span>
    );
  }
  return (
    <span data-testid={testId} data-rate={rate.errorRate} className="tabular-nums">
      <span className="font-medium text-slate-900">{formatPercent(rate.errorRate)}</span>{" "}
      <span className="text-slate-600">
        <span className="sr-only">95% interval </span>
        {`(${formatPercent(rate.low)}–${formatPercent(rate.high)}) `}
        <span className="whitespace-nowrap">{`n=${rate.n}`}</span>
      </span>
      {extras.length ? <span className="block text-xs text-amber-800">{extras.join(", ")}</span> : null}
    </span>
  );
}
