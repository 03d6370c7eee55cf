import { describeMeasurements, type MeasurementSummary } from "@/lib/results/measurement";

/**
 * "1 of 2 measured problems above target · ⚠ 1 problem not measured": a
 * version's problems by measurement, the not-measured ones as a warning (icon
 * and words, not colour alone) and never counted as under target.
 */
export function MeasurementSummaryText({ summary }: { summary: MeasurementSummary }) {
  const text = describeMeasurements(summary);
  return (
    <span data-testid="measurement-summary">
      {text.aboveTarget}
      {text.aboveTarget && text.notMeasured ? " · " : null}
      {text.notMeasured ? (
        <strong className="font-semibold text-amber-900">
          <span aria-hidden="true">⚠ </span>
          {text.notMeasured}
        </strong>
      ) : null}
      {!text.aboveTarget && !text.notMeasured ? "No problems" : null}
    </span>
  );
}
