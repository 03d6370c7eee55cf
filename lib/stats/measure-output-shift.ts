import { jensenShannonDistanceOfCounts } from "./jensen-shannon-distance";
import { ksStatistic } from "./ks-statistic";
import { wassersteinDistance } from "./wasserstein-distance";

/** Labels are counted per label; numbers (and the lengths of text outputs) are kept as values. */
export type OutputSample = { kind: "categorical"; counts: ReadonlyMap<string, number> } | { kind: "numeric"; values: readonly number[] };

export type MovedLabel = { value: string; from: number; to: number; change: number };

export type OutputShift = {
  /** The one number: Jensen–Shannon distance (base 2) for labels, two-sample KS for numbers and text lengths; in [0, 1]. */
  statistic: "jensen_shannon" | "ks";
  value: number;
  /** Numbers only: Wasserstein-1 distance in the outputs' own unit. */
  wasserstein: number | null;
  /** Labels only: each label's share before and after, the largest absolute change first. */
  moved: MovedLabel[];
};

/**
 * How far a sample of outputs moved from a reference sample (a baseline
 * version, or the production version on the pattern set) in one number in
 * [0, 1], so one threshold fits every project: JS distance for labels, KS for
 * numbers and for text lengths. Both samples must be of the same kind.
 */
export function measureOutputShift(reference: OutputSample, sample: OutputSample): OutputShift {
  if (reference.kind === "categorical" && sample.kind === "categorical") {
    return { statistic: "jensen_shannon", value: jensenShannonDistanceOfCounts(reference.counts, sample.counts), wasserstein: null, moved: movedLabels(reference.counts, sample.counts) };
  }
  if (reference.kind === "numeric" && sample.kind === "numeric") {
    return { statistic: "ks", value: ksStatistic(reference.values, sample.values), wasserstein: wassersteinDistance(reference.values, sample.values), moved: [] };
  }
  throw new TypeError("Cannot measure a shift between a labelled and a numeric sample.");
}

function movedLabels(reference: ReadonlyMap<string, number>, sample: ReadonlyMap<string, number>): MovedLabel[] {
  const totalReference = total(reference);
  const totalSample = total(sample);
  const labels = [...new Set([...reference.keys(), ...sample.keys()])];
  return labels
    .map((value) => {
      const from = totalReference ? (reference.get(value) ?? 0) / totalReference : 0;
      const to = totalSample ? (sample.get(value) ?? 0) / totalSample : 0;
      return { value, from, to, change: to - from };
    })
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.value.localeCompare(b.value));
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}
