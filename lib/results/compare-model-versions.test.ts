import { describe, expect, it } from "vitest";
import { comparisonVerdict, countFlips } from "./compare-model-versions";

describe("countFlips", () => {
  it("pairs pass/fail on both sides and leaves errors, pending grades and missing results unpaired", () => {
    const flips = countFlips([
      { candidate: "pass", baseline: "fail", count: 3 },
      { candidate: "fail", baseline: "pass", count: 1 },
      { candidate: "pass", baseline: "pass", count: 5 },
      { candidate: "fail", baseline: "fail", count: 2 },
      { candidate: "error", baseline: "pass", count: 1 },
      { candidate: "pass", baseline: "none", count: 2 },
      { candidate: "ungraded", baseline: "fail", count: 1 },
    ]);
    expect(flips).toMatchObject({ paired: 11, fixed: 3, broken: 1, bothPass: 5, bothFail: 2, unpaired: 4 });
    expect(flips.candidateCounts).toEqual({ passed: 10, failed: 3, errored: 1, ungraded: 1 });
    expect(flips.baselineCounts).toEqual({ passed: 7, failed: 6, errored: 0, ungraded: 0 });
  });
});

describe("comparisonVerdict", () => {
  it("is worse or better only when the flips are significant", () => {
    expect(comparisonVerdict({ paired: 12, fixed: 0, broken: 6, unpaired: 0 }, 0.03125, 0.05)).toBe("worse");
    expect(comparisonVerdict({ paired: 12, fixed: 6, broken: 0, unpaired: 0 }, 0.03125, 0.05)).toBe("better");
    expect(comparisonVerdict({ paired: 12, fixed: 0, broken: 6, unpaired: 0 }, 0.03125, 0.01)).toBe("unchanged");
  });

  it("is inconclusive with nothing paired, or when the unpaired patterns could still tip it", () => {
    expect(comparisonVerdict({ paired: 0, fixed: 0, broken: 0, unpaired: 12 }, 1, 0.05)).toBe("inconclusive");
    // 0 vs 4 is p = 0.125; two more breakages would make 0 vs 6, p = 0.03125.
    expect(comparisonVerdict({ paired: 10, fixed: 0, broken: 4, unpaired: 2 }, 0.125, 0.05)).toBe("inconclusive");
    // 2 vs 2 with one unpaired pattern cannot reach significance.
    expect(comparisonVerdict({ paired: 12, fixed: 2, broken: 2, unpaired: 1 }, 1, 0.05)).toBe("unchanged");
  });
});
