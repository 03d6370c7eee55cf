/**
 * Two-sample Kolmogorov–Smirnov statistic: the largest gap between the two
 * samples' empirical distribution functions, in [0, 1]. Unit-free, so one
 * threshold fits every number project. An empty side gives 0.
 */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  for (const value of [...a, ...b]) if (!Number.isFinite(value)) throw new RangeError(`values must be finite numbers (got ${value})`);
  if (a.length === 0 || b.length === 0) return 0;
  const x = [...a].sort((l, r) => l - r);
  const y = [...b].sort((l, r) => l - r);
  let i = 0;
  let j = 0;
  let largest = 0;
  while (i < x.length && j < y.length) {
    const next = Math.min(x[i]!, y[j]!);
    // Step past every copy of the value on both sides before reading the gap: ties move together.
    while (i < x.length && x[i] === next) i++;
    while (j < y.length && y[j] === next) j++;
    largest = Math.max(largest, Math.abs(i / x.length - j / y.length));
  }
  return largest;
}
