/** Refuses anything but finite numbers in either sample (NaN would break the sort and the steps). */
export function assertFiniteSamples(a: readonly number[], b: readonly number[]): void {
  for (const value of [...a, ...b]) if (!Number.isFinite(value)) throw new RangeError(`values must be finite numbers (got ${value})`);
}

/**
 * Two samples' empirical distribution functions, step by step: at each distinct
 * value of either sample (ascending), both functions' values just after it, so
 * ties move together. Both samples non-empty and finite (assertFiniteSamples).
 */
export function* empiricalCdfSteps(a: readonly number[], b: readonly number[]): Generator<{ value: number; fa: number; fb: number }> {
  const x = [...a].sort((l, r) => l - r);
  const y = [...b].sort((l, r) => l - r);
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const value = j >= y.length || (i < x.length && x[i]! <= y[j]!) ? x[i]! : y[j]!;
    while (i < x.length && x[i] === value) i++;
    while (j < y.length && y[j] === value) j++;
    yield { value, fa: i / x.length, fb: j / y.length };
  }
}
