import { assertFiniteSamples, empiricalCdfSteps } from "./empirical-cdf-steps";

/**
 * Two-sample Kolmogorov–Smirnov statistic: the largest gap between the two
 * samples' empirical distribution functions, in [0, 1]. Unit-free, so one
 * threshold fits every number project. An empty side gives 0.
 */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  assertFiniteSamples(a, b);
  if (a.length === 0 || b.length === 0) return 0;
  let largest = 0;
  for (const { fa, fb } of empiricalCdfSteps(a, b)) largest = Math.max(largest, Math.abs(fa - fb));
  return largest;
}
