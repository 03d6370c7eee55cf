import type { ErrorRate } from "./list-error-rates";

type MeasuredRate = Pick<ErrorRate, "n" | "errorRate" | "errored" | "ungraded">;

/**
 * How a problem stands on a model version. `not_measured`: no pass or fail
 * evidence (no patterns, no results, every call errored, only outputs awaiting
 * a grade) — a warning, never a pass.
 */
export type Measurement = "above_target" | "at_or_under_target" | "not_measured";

export function measure(rate: MeasuredRate | null, target: number): Measurement {
  if (!rate || rate.n === 0 || rate.errorRate === null) return "not_measured";
  return rate.errorRate > target ? "above_target" : "at_or_under_target";
}

/** Why a problem × version is not measured, in words ("every call errored"). */
export function notMeasuredReason(rate: Pick<ErrorRate, "errored" | "ungraded"> | null): string {
  if (!rate || (rate.errored === 0 && rate.ungraded === 0)) return "no pass or fail result";
  if (rate.ungraded === 0) return `every call errored (${rate.errored})`;
  if (rate.errored === 0) return `only awaiting a grade (${rate.ungraded})`;
  return `only errored calls (${rate.errored}) and outputs awaiting a grade (${rate.ungraded})`;
}

export type MeasurementSummary = { problems: number; aboveTarget: number; atOrUnderTarget: number; notMeasured: number };

/** Counts of a version's problems by measurement: "not measured" apart, so an unmeasured problem never counts as under target. */
export function summariseMeasurements(rows: readonly { rate: MeasuredRate | null; target: number }[]): MeasurementSummary {
  const summary: MeasurementSummary = { problems: rows.length, aboveTarget: 0, atOrUnderTarget: 0, notMeasured: 0 };
  for (const { rate, target } of rows) {
    const m = measure(rate, target);
    if (m === "above_target") summary.aboveTarget++;
    else if (m === "at_or_under_target") summary.atOrUnderTarget++;
    else summary.notMeasured++;
  }
  return summary;
}

const problems = (n: number) => `${n} problem${n === 1 ? "" : "s"}`;

/**
 * The summary in words, in two parts: the measured problems above target
 * (null when none was measured: "0 of 0 above target" would read as fine) and
 * the not-measured warning (null when every problem was measured).
 */
export function describeMeasurements(summary: MeasurementSummary): { aboveTarget: string | null; notMeasured: string | null } {
  const measured = summary.problems - summary.notMeasured;
  return {
    aboveTarget: measured === 0 ? null : `${summary.aboveTarget} of ${measured === summary.problems ? problems(measured) : `${measured} measured ${measured === 1 ? "problem" : "problems"}`} above target`,
    notMeasured:
      summary.notMeasured === 0
        ? null
        : measured === 0
          ? `${summary.notMeasured === 1 ? "The" : `All ${summary.notMeasured}`} ${summary.notMeasured === 1 ? "problem" : "problems"} not measured: no pass or fail result`
          : `${problems(summary.notMeasured)} not measured`,
  };
}
