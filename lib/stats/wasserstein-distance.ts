import { assertFiniteSamples, empiricalCdfSteps } from "./empirical-cdf-steps";

/**
 * Wasserstein-1 (earth mover's) distance between two samples of numbers: the
 * area between their empirical distribution functions, in the outputs' own
 * unit. 0 for the same sample; shifting every value by d gives d. An empty
 * side gives 0 (no evidence of a shift).
 */
export function wassersteinDistance(a: readonly number[], b: readonly number[]): number {
  assertFiniteSamples(a, b);
  if (a.length === 0 || b.length === 0) return 0;
  // Between two steps both functions are flat: the area is the gap × the width.
  let area = 0;
  let previous: { value: number; fa: number; fb: number } | undefined;
  for (const step of empiricalCdfSteps(a, b)) {
    if (previous) area += Math.abs(previous.fa - previous.fb) * (step.value - previous.value);
    previous = step;
  }
  return area;
}
