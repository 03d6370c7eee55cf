/**
 * Wasserstein-1 (earth mover's) distance between two samples of numbers: the
 * area between their empirical distribution functions, in the outputs' own
 * unit. 0 for the same sample; shifting every value by d gives d. An empty
 * side gives 0 (no evidence of a shift).
 */
export function wassersteinDistance(a: readonly number[], b: readonly number[]): number {
  assertFinite(a);
  assertFinite(b);
  if (a.length === 0 || b.length === 0) return 0;
  const x = [...a].sort((l, r) => l - r);
  const y = [...b].sort((l, r) => l - r);
  // Walk the merged breakpoints; between two of them both CDFs are flat.
  let i = 0;
  let j = 0;
  let area = 0;
  let previous = Math.min(x[0]!, y[0]!);
  while (i < x.length || j < y.length) {
    const next = j >= y.length || (i < x.length && x[i]! <= y[j]!) ? x[i]! : y[j]!;
    area += Math.abs(i / x.length - j / y.length) * (next - previous);
    while (i < x.length && x[i] === next) i++;
    while (j < y.length && y[j] === next) j++;
    previous = next;
  }
  return area;
}

function assertFinite(values: readonly number[]): void {
  for (const value of values) if (!Number.isFinite(value)) throw new RangeError(`values must be finite numbers (got ${value})`);
}
