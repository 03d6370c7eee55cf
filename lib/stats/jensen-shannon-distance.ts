/**
 * Jensen–Shannon distance between two distributions given as counts over the
 * same categories (aligned by index): the square root of the JS divergence in
 * base 2, so it lies in [0, 1] — 0 for the same shape, 1 for disjoint support.
 * Counts are normalised, so samples of different sizes compare. An empty side
 * says nothing about a shift: the distance is then 0.
 */
export function jensenShannonDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`the two count vectors must be aligned (got ${a.length} and ${b.length} categories)`);
  for (const count of [...a, ...b]) {
    if (!Number.isFinite(count) || count < 0) throw new RangeError(`counts must be finite and not negative (got ${count})`);
  }
  const totalA = sum(a);
  const totalB = sum(b);
  if (totalA === 0 || totalB === 0) return 0;
  let divergence = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]! / totalA;
    const q = b[i]! / totalB;
    const m = (p + q) / 2;
    if (p > 0) divergence += (p / 2) * Math.log2(p / m);
    if (q > 0) divergence += (q / 2) * Math.log2(q / m);
  }
  // Floating-point dust can leave a hair below 0 or above 1.
  return Math.sqrt(Math.min(1, Math.max(0, divergence)));
}

/** Aligns two category → count maps on the union of their categories (in first-seen order) and measures their JS distance. */
export function jensenShannonDistanceOfCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const categories = [...new Set([...a.keys(), ...b.keys()])];
  return jensenShannonDistance(
    categories.map((c) => a.get(c) ?? 0),
    categories.map((c) => b.get(c) ?? 0),
  );
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
