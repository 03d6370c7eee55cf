import type { ErrorRate } from "./list-error-rates";

type RankedProblem = { id: string; number: number; target: number };

/** How far a problem's latest error rate is above its target (negative: under it); null without a rate. */
export function excessOverTarget(problem: RankedProblem, latest: ErrorRate | undefined): number | null {
  return latest?.errorRate == null ? null : latest.errorRate - problem.target;
}

/**
 * Problems worst first: highest latest error rate relative to target, then the
 * higher upper bound of its interval (less evidence of being fine), then key order;
 * problems without a rate last, in key order.
 */
export function rankProblemsByLatestRate<P extends RankedProblem>(problems: readonly P[], latestRates: readonly ErrorRate[]): P[] {
  const latest = new Map(latestRates.map((r) => [r.problemId, r]));
  const score = (p: P) => excessOverTarget(p, latest.get(p.id));
  return [...problems].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    if (sa === null || sb === null) return sa === sb ? a.number - b.number : sa === null ? 1 : -1;
    if (sb !== sa) return sb - sa;
    const ha = latest.get(a.id)!.high;
    const hb = latest.get(b.id)!.high;
    return hb !== ha ? hb - ha : a.number - b.number;
  });
}

/** The problems a chart shows by default: the `limit` worst, in key order so colours and legend stay put. */
export function pickWorstProblems<P extends RankedProblem>(problems: readonly P[], latestRates: readonly ErrorRate[], limit: number): P[] {
  return rankProblemsByLatestRate(problems, latestRates)
    .slice(0, limit)
    .sort((a, b) => a.number - b.number);
}

/** Keeps the problems whose latest error rate is above their target. */
export function filterAboveTarget<P extends RankedProblem>(problems: readonly P[], latestRates: readonly ErrorRate[]): P[] {
  const latest = new Map(latestRates.map((r) => [r.problemId, r]));
  return problems.filter((p) => (excessOverTarget(p, latest.get(p.id)) ?? 0) > 0);
}
