import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toErrorRate } from "./list-error-rates";
import { filterAboveTarget, pickWorstProblems, rankProblemsByLatestRate } from "./rank-problems-by-latest-rate";

const problem = (number: number, target = 0.2) => ({ id: `p${number}`, number, target });
const rate = (number: number, failed: number, passed: number) =>
  toErrorRate({ problemId: `p${number}`, modelVersionId: "v", passed, failed, errored: 0, ungraded: 0 });

describe("rankProblemsByLatestRate", () => {
  it("orders by excess over target, then by the interval's upper bound, problems without a rate last", () => {
    const problems = [problem(1, 0.1), problem(2, 0.5), problem(3), problem(4), problem(5), problem(6)];
    const ranked = rankProblemsByLatestRate(problems, [
      rate(1, 3, 7), // 30% vs 10%: +0.2
      rate(2, 6, 4), // 60% vs 50%: +0.1
      rate(3, 1, 9), // 10% vs 20%: -0.1
      rate(4, 3, 7), // 30% vs 20%: +0.1 too; 2's interval reaches higher (83% vs 61%), so 2 ranks first
      rate(6, 0, 0), // no graded result: like no rate
    ]);
    expect(ranked.map((p) => p.number)).toEqual([1, 2, 4, 3, 5, 6]);
  });
});

describe("pickWorstProblems", () => {
  it("returns the worst `limit` problems in key order", () => {
    const problems = [problem(1), problem(2), problem(3), problem(4)];
    const picked = pickWorstProblems(problems, [rate(1, 1, 9), rate(2, 9, 1), rate(3, 5, 5), rate(4, 0, 10)], 2);
    expect(picked.map((p) => p.number)).toEqual([2, 3]);
  });

  it("never returns more than `limit`, and every problem it leaves out is no worse than every one it keeps", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ failed: fc.nat(20), passed: fc.nat(20), target: fc.double({ min: 0, max: 1, noNaN: true }), hasRate: fc.boolean() }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 15 }),
        (rows, limit) => {
          const problems = rows.map((r, i) => problem(i + 1, r.target));
          const rates = rows.flatMap((r, i) => (r.hasRate ? [rate(i + 1, r.failed, r.passed)] : []));
          const picked = pickWorstProblems(problems, rates, limit);
          expect(picked.length).toBe(Math.min(limit, problems.length));
          const excess = (p: { id: string; target: number }) => {
            const r = rates.find((x) => x.problemId === p.id);
            return r?.errorRate == null ? -Infinity : r.errorRate - p.target;
          };
          const kept = new Set(picked.map((p) => p.id));
          const minKept = Math.min(...picked.map(excess));
          for (const p of problems) if (!kept.has(p.id)) expect(excess(p)).toBeLessThanOrEqual(minKept);
        },
      ),
    );
  });
});

describe("filterAboveTarget", () => {
  it("keeps only problems whose latest rate is above target", () => {
    const problems = [problem(1), problem(2), problem(3), problem(4)];
    expect(filterAboveTarget(problems, [rate(1, 3, 7), rate(2, 2, 8), rate(3, 0, 0)]).map((p) => p.number)).toEqual([1]);
  });
});
