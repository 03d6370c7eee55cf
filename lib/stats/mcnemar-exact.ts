/**
 * Exact two-sided McNemar test on the discordant pairs of a paired comparison:
 * b = pass→fail, c = fail→pass. Under "no difference" each discordant pair is a
 * fair coin, so p = min(1, 2 · P(X ≤ min(b, c))) with X ~ Binomial(b + c, ½) —
 * R's `binom.test(b, b + c)` / `mcnemar.exact`. No normal approximation, no
 * continuity correction. Summed in log space so 10⁶ pairs neither overflow nor
 * lose the tail.
 */
export function mcnemarExact(b: number, c: number): number {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
    throw new RangeError(`discordant counts must be non-negative integers (got ${b}, ${c})`);
  }
  const n = b + c;
  const k = Math.min(b, c);
  if (n === 0 || b === c) return 1;
  // Up to 1,000 pairs ½ⁿ is a normal double, so sum in linear space: exact for
  // the small counts people read (b=0, c=6 gives 0.03125, not 0.031250000000000014).
  if (n <= LINEAR_SPACE_MAX_PAIRS) {
    let term = 2 ** -n;
    let tail = term;
    for (let i = 1; i <= k; i++) {
      term = (term * (n - i + 1)) / i;
      tail += term;
    }
    return Math.min(1, 2 * tail);
  }
  // log P(X = 0) = n · log ½; each next term: P(i) = P(i−1) · (n − i + 1) / i.
  let logTerm = n * Math.log(0.5);
  let logTail = logTerm;
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i);
    logTail = logAddExp(logTail, logTerm);
  }
  return Math.min(1, Math.exp(Math.LN2 + logTail));
}

const LINEAR_SPACE_MAX_PAIRS = 1000;

function logAddExp(a: number, b: number): number {
  const max = Math.max(a, b);
  return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
}
