/**
 * An equal-width histogram of numbers from the smallest to the largest, as
 * the output-distribution API draws one: each bin by its lower bound, the last
 * bin closed at the largest value; ⌈√n⌉ bins, at most `maxBins`. One bin when
 * all values are equal; none for no values. `integer`: whole numbers (text
 * lengths) get a whole bin width, so no bin is split between two counts.
 */
export function binValues(values: readonly number[], maxBins = 20, options: { integer?: boolean } = {}): { value: number; count: number }[] {
  if (values.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`values must be finite numbers (got ${value})`);
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
  }
  let bins = hi > lo ? Math.min(maxBins, Math.max(1, Math.ceil(Math.sqrt(values.length)))) : 1;
  let width = (hi - lo) / bins;
  if (options.integer && hi > lo) {
    // Bins [lo, lo + w), … of a whole width w covering lo … hi inclusive.
    width = Math.max(1, Math.ceil((hi - lo + 1) / bins));
    bins = Math.ceil((hi - lo + 1) / width);
  }
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) {
    const index = width === 0 ? 0 : Math.min(bins - 1, Math.floor((value - lo) / width));
    counts[index]!++;
  }
  return counts.map((count, index) => ({ value: lo + index * width, count }));
}
