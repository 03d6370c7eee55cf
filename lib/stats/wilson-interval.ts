export type Interval = { low: number; high: number };

/**
 * Wilson score interval for a binomial proportion (95% by default).
 * For an error rate, pass the failures as `successes` and passed + failed as `n`.
 * With no observations every rate is possible, so n = 0 gives [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z = 1.959964): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  if (successes < 0 || successes > n) {
    throw new RangeError(`successes must be between 0 and n (got ${successes} of ${n})`);
  }
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At 0/n and n/n the bound is exactly 0 or 1; set it rather than keep floating-point dust.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    high: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
