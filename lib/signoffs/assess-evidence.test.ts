import { describe, expect, it } from "vitest";
import { assessEvidence } from "./assess-evidence";

const ready = { pending: 0, missing: 0, ungraded: 0, judged: 20 };
const rate = (errorRate: number, n: number, low: number, high: number) => ({ errorRate, n, low, high });

describe("assessEvidence", () => {
  it("approves a problem under its target with no significant regression, without warnings", () => {
    expect(assessEvidence({ rate: rate(0.05, 40, 0.01, 0.16), target: 0.2, comparison: "unchanged", readiness: ready })).toEqual({
      meetsTarget: true, thin: null, incomplete: null, approvable: true,
    });
  });

  it("does not approve above the target, or a significant regression", () => {
    expect(assessEvidence({ rate: rate(0.3, 40, 0.18, 0.45), target: 0.2, comparison: "unchanged", readiness: ready })).toMatchObject({ meetsTarget: false, approvable: false });
    expect(assessEvidence({ rate: rate(0.05, 40, 0.01, 0.16), target: 0.2, comparison: "worse", readiness: ready })).toMatchObject({ meetsTarget: true, approvable: false });
  });

  it("says so in words when n < 10 or the interval straddles the target", () => {
    expect(assessEvidence({ rate: rate(0, 7, 0, 0.35), target: 0.2, comparison: null, readiness: ready }).thin).toBe("Thin evidence: only 7 graded patterns (fewer than 10).");
    expect(assessEvidence({ rate: rate(0.15, 20, 0.05, 0.36), target: 0.2, comparison: null, readiness: ready }).thin).toBe("Uncertain: the 95% interval 5%–36% straddles the target 20%.");
  });

  it("is not approvable while the replay is incomplete", () => {
    const a = assessEvidence({ rate: rate(0.05, 40, 0.01, 0.16), target: 0.2, comparison: "better", readiness: { ...ready, pending: 3 } });
    expect(a).toMatchObject({ approvable: false, incomplete: "the replay is incomplete (3 patterns are still being replayed)" });
  });
});
