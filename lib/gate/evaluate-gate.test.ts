import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateGate, type GateEvidence, type GateProblemEvidence } from "./evaluate-gate";
import { DEFAULT_GATE_POLICY, gatePolicySchema, toGatePolicy, type GatePolicy } from "./gate-policy.schema";

const policy = DEFAULT_GATE_POLICY;

function problem(overrides: Partial<GateProblemEvidence> = {}): GateProblemEvidence {
  return {
    problemId: "p1",
    key: "SENT-1",
    severity: "medium",
    status: "open",
    target: 0.2,
    patterns: 10,
    passed: 10,
    failed: 0,
    errored: 0,
    pending: 0,
    missing: 0,
    awaitingGrade: 0,
    comparison: null,
    signoff: null,
    ...overrides,
  };
}

function evidence(problems: GateProblemEvidence[], extra: Partial<GateEvidence> = {}): GateEvidence {
  return { alpha: 0.05, production: { kind: "version", label: "sentiment 2.1" }, problems, ...extra };
}

const approved = { decision: "approve" as const, stale: false, staleReason: null, by: "Sam", comment: "" };

function checkOf(result: ReturnType<typeof evaluateGate>, rule: string) {
  const found = result.problems[0]!.checks.find((c) => c.rule === rule);
  if (!found) throw new Error(`no ${rule} check in ${JSON.stringify(result.problems[0]!.checks)}`);
  return found;
}

describe("evaluateGate", () => {
  it("passes when every problem is complete, under target, not worse and signed off where required", () => {
    const result = evaluateGate(policy, evidence([problem({ comparison: { fixed: 2, broken: 1 } }), problem({ problemId: "p2", key: "SENT-2", severity: "critical", signoff: approved })]));
    expect(result.decision).toBe("pass");
    expect(result.reasons).toEqual([]);
    expect(result.problems.flatMap((p) => p.checks).every((c) => c.ok && c.state === "ok")).toBe(true);
  });

  describe("target", () => {
    it("fails above target with the rate and the target in the reason", () => {
      const result = evaluateGate(policy, evidence([problem({ key: "SENT-2", target: 0.1, passed: 7, failed: 6 })]));
      expect(result.decision).toBe("fail");
      expect(result.reasons).toEqual(["SENT-2: 46% above target 10% (n=13)"]);
    });

    it("a rate exactly at the target is ok", () => {
      expect(evaluateGate(policy, evidence([problem({ target: 0.2, passed: 8, failed: 2 })])).decision).toBe("pass");
    });

    it("shows a decimal where whole percents would print rate and target alike", () => {
      const result = evaluateGate(policy, evidence([problem({ target: 0.1, passed: 896, failed: 104, patterns: 1000 })]));
      expect(result.reasons).toEqual(["SENT-1: 10.4% above target 10% (n=1000)"]);
    });

    it("does not hold resolved problems to their target, and leaves wont_fix out of the gate", () => {
      const resolved = evaluateGate(policy, evidence([problem({ status: "resolved", passed: 0, failed: 10 })]));
      expect(resolved.decision).toBe("pass");
      expect(resolved.problems[0]!.checks.map((c) => c.rule)).not.toContain("target");
      const wontFix = evaluateGate(policy, evidence([problem({ status: "wont_fix", passed: 0, failed: 10, pending: 3 })]));
      expect(wontFix.decision).toBe("pass");
      expect(wontFix.problems[0]!.checks).toEqual([]);
    });

    it("is pending while outstanding results could put it on either side, settled when they cannot", () => {
      // 1 failed of 5 judged, 5 outstanding: best 10%, worst 60% around a 20% target.
      const undecided = evaluateGate(policy, evidence([problem({ passed: 4, failed: 1, pending: 5 })]));
      expect(checkOf(undecided, "target").state).toBe("pending");
      // 5 failed of 6 judged, 4 outstanding: even if all pass, 50% > 20%.
      const lost = evaluateGate(policy, evidence([problem({ passed: 1, failed: 5, pending: 4 })]));
      expect(checkOf(lost, "target").state).toBe("fail");
      expect(lost.decision).toBe("fail");
      expect(lost.reasons[0]).toContain("even if the 4 outstanding pass");
      // 0 failed of 9 judged, 1 outstanding: at worst 10% ≤ 20%.
      const won = evaluateGate(policy, evidence([problem({ passed: 9, failed: 0, pending: 1 })]));
      expect(checkOf(won, "target").state).toBe("ok");
      expect(won.decision).toBe("pending");
    });

    it("fails a problem whose every call errored, and holds one with no patterns yet as not measured (pending, never a pass)", () => {
      const errored = evaluateGate({ ...policy, maxErroredShare: 1 }, evidence([problem({ passed: 0, failed: 0, errored: 10 })]));
      expect(checkOf(errored, "target")).toMatchObject({ state: "fail", detail: "not measured: no pass or fail result, every call errored" });
      const empty = evaluateGate(policy, evidence([problem({ patterns: 0, passed: 0 })]));
      expect(checkOf(empty, "target")).toMatchObject({ state: "pending", detail: "not measured: no patterns yet, so no error rate to hold to the target" });
      expect(empty.decision).toBe("pending");
      // A problem outside the held statuses is not held to its target, with or without patterns.
      const resolved = evaluateGate(policy, evidence([problem({ patterns: 0, passed: 0, status: "resolved" })]));
      expect(resolved.problems[0]!.checks.map((c) => c.rule)).not.toContain("target");
    });
  });

  describe("regression", () => {
    it("fails when significantly worse than production (broken > fixed, p < alpha)", () => {
      const result = evaluateGate(policy, evidence([problem({ key: "SENT-2", target: 1, passed: 4, failed: 6, comparison: { fixed: 0, broken: 6 } })]));
      expect(result.decision).toBe("fail");
      expect(result.reasons).toEqual(["SENT-2: significantly worse: 6 broken, 0 fixed vs sentiment 2.1 (p = 0.031 < α 0.05)"]);
    });

    it("is ok when not significant, or significantly better", () => {
      expect(checkOf(evaluateGate(policy, evidence([problem({ comparison: { fixed: 0, broken: 5 } })])), "regression").state).toBe("ok"); // p = 0.0625
      expect(checkOf(evaluateGate(policy, evidence([problem({ comparison: { fixed: 9, broken: 0 } })])), "regression").state).toBe("ok");
    });

    it("uses the project's alpha", () => {
      const e = (alpha: number) => evidence([problem({ target: 1, comparison: { fixed: 0, broken: 5 } })], { alpha });
      expect(evaluateGate(policy, e(0.05)).decision).toBe("pass");
      expect(evaluateGate(policy, e(0.1)).decision).toBe("fail");
    });

    it("is ok with a detail when there is no production version, or this is it", () => {
      const none = evaluateGate(policy, evidence([problem()], { production: { kind: "none" } }));
      expect(checkOf(none, "regression")).toMatchObject({ ok: true, detail: "no production version to compare with" });
      const self = evaluateGate(policy, evidence([problem()], { production: { kind: "self" } }));
      expect(checkOf(self, "regression").detail).toMatch(/is the production version/);
    });

    it("waits while outstanding results could still make it significant, fails once they could not undo it", () => {
      const maybe = evaluateGate(policy, evidence([problem({ target: 1, pending: 3, comparison: { fixed: 0, broken: 4 } })]));
      expect(checkOf(maybe, "regression").state).toBe("pending");
      const certain = evaluateGate(policy, evidence([problem({ target: 1, pending: 1, comparison: { fixed: 0, broken: 9 } })]));
      expect(checkOf(certain, "regression").state).toBe("fail");
    });

    it("can be switched off by the policy", () => {
      const off: GatePolicy = { ...policy, blockRegressions: false };
      const result = evaluateGate(off, evidence([problem({ target: 1, comparison: { fixed: 0, broken: 9 } })]));
      expect(result.decision).toBe("pass");
    });
  });

  describe("sign-off", () => {
    const critical = (signoff: GateProblemEvidence["signoff"]) => evidence([problem({ severity: "critical", key: "SENT-2", signoff })]);

    it("critical and high problems wait for an approval; medium and low need none by default", () => {
      expect(evaluateGate(policy, critical(null))).toMatchObject({ decision: "pending", reasons: ["SENT-2: awaiting a sign-off (critical)"] });
      expect(evaluateGate(policy, evidence([problem({ severity: "high" })])).decision).toBe("pending");
      expect(evaluateGate(policy, evidence([problem({ severity: "low" })])).decision).toBe("pass");
      expect(evaluateGate(policy, critical(approved)).decision).toBe("pass");
    });

    it("a current rejection fails, with who and the comment", () => {
      const result = evaluateGate(policy, critical({ ...approved, decision: "reject", comment: "too risky" }));
      expect(result).toMatchObject({ decision: "fail", reasons: ["SENT-2: rejected by Sam: “too risky”"] });
    });

    it("a stale approval or rejection does not count: pending", () => {
      const staleApproval = evaluateGate(policy, critical({ ...approved, stale: true, staleReason: "2 patterns added since" }));
      expect(staleApproval).toMatchObject({ decision: "pending", reasons: ["SENT-2: approval by Sam is stale (2 patterns added since): awaiting a new sign-off"] });
      expect(evaluateGate(policy, critical({ ...approved, decision: "reject", stale: true, staleReason: null })).decision).toBe("pending");
    });

    it("follows the policy's severities", () => {
      expect(evaluateGate({ ...policy, signoffSeverities: [] }, critical(null)).decision).toBe("pass");
      expect(evaluateGate({ ...policy, signoffSeverities: ["low"] }, evidence([problem({ severity: "low" })])).decision).toBe("pending");
    });
  });

  describe("replay", () => {
    it("is pending while items run, outputs await a grade or results are missing", () => {
      const result = evaluateGate(policy, evidence([problem({ passed: 6, pending: 2, awaitingGrade: 1, missing: 1 })]));
      expect(result.decision).toBe("pending");
      expect(checkOf(result, "replay").detail).toBe("replay incomplete: 2 still replaying, 1 awaiting a grade, 1 with no result and no replay queued of 10 patterns");
    });

    it("fails when more than the allowed share of calls errored", () => {
      const result = evaluateGate(policy, evidence([problem({ key: "SENT-3", passed: 9, errored: 1 })]));
      expect(result.reasons).toEqual(["SENT-3: 1 of 10 calls errored (10%), more than the 5% allowed"]);
      expect(evaluateGate({ ...policy, maxErroredShare: 0.1 }, evidence([problem({ passed: 9, errored: 1 })])).decision).toBe("pass");
    });
  });

  it("lists failures before waiting checks in the reasons", () => {
    const result = evaluateGate(
      policy,
      evidence([problem({ key: "SENT-1", severity: "high" }), problem({ problemId: "p2", key: "SENT-2", target: 0.1, passed: 5, failed: 5 })]),
    );
    expect(result.decision).toBe("fail");
    expect(result.reasons).toEqual(["SENT-2: 50% above target 10% (n=10)", "SENT-1: awaiting a sign-off (high)"]);
  });
});

describe("gate policy", () => {
  it("defaults: open and monitoring problems, regressions block, critical and high sign-offs, 5% errored", () => {
    expect(gatePolicySchema.parse({})).toEqual({ statuses: ["open", "monitoring"], blockRegressions: true, signoffSeverities: ["critical", "high"], maxErroredShare: 0.05 });
  });

  it("rejects unknown fields and out-of-range shares", () => {
    expect(gatePolicySchema.safeParse({ maxErroredShare: 2 }).success).toBe(false);
    expect(gatePolicySchema.safeParse({ colour: "red" }).success).toBe(false);
  });

  it("reads a stored policy field by field, defaulting what does not parse", () => {
    expect(toGatePolicy({ maxErroredShare: 0.2, statuses: ["bogus"] })).toEqual({ ...DEFAULT_GATE_POLICY, maxErroredShare: 0.2 });
    expect(toGatePolicy(null)).toEqual(DEFAULT_GATE_POLICY);
  });
});

// ── properties ──

const problemArb: fc.Arbitrary<GateProblemEvidence> = fc
  .record({
    severity: fc.constantFrom("critical", "high", "medium", "low"),
    status: fc.constantFrom("open", "monitoring", "resolved", "wont_fix"),
    target: fc.double({ min: 0, max: 1, noNaN: true }),
    passed: fc.nat(30),
    failed: fc.nat(30),
    errored: fc.nat(5),
    pending: fc.nat(5),
    missing: fc.nat(3),
    awaitingGrade: fc.nat(3),
    comparison: fc.option(fc.record({ fixed: fc.nat(20), broken: fc.nat(20) })),
    signoff: fc.option(
      fc.record({ decision: fc.constantFrom("approve", "reject"), stale: fc.boolean(), staleReason: fc.constant(null), by: fc.constant("Sam"), comment: fc.constant("") }),
    ),
  })
  .map((r) => ({ ...r, problemId: "p", key: "K-1", patterns: r.passed + r.failed + r.errored + r.pending + r.missing + r.awaitingGrade })) as fc.Arbitrary<GateProblemEvidence>;

const evidenceArb: fc.Arbitrary<GateEvidence> = fc.record({
  alpha: fc.constantFrom(0.01, 0.05, 0.1),
  production: fc.constantFrom({ kind: "version", label: "m 1" } as const, { kind: "none" } as const, { kind: "self" } as const),
  problems: fc.array(problemArb, { maxLength: 5 }).map((ps) => ps.map((p, i) => ({ ...p, problemId: `p${i}`, key: `K-${i + 1}` }))),
});

const policyArb: fc.Arbitrary<GatePolicy> = fc.record({
  statuses: fc.subarray(["open", "monitoring", "resolved", "wont_fix"] as const).map((s) => [...s]),
  blockRegressions: fc.boolean(),
  signoffSeverities: fc.subarray(["critical", "high", "medium", "low"] as const).map((s) => [...s]),
  maxErroredShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** One more piece of evidence against the version, on problem `index`. */
const violationArb = fc.record({ index: fc.nat(4), kind: fc.constantFrom("failure", "broken", "rejection", "error", "outstanding-fails") });

function addViolation(e: GateEvidence, v: { index: number; kind: string }): GateEvidence {
  if (e.problems.length === 0) return e;
  const i = v.index % e.problems.length;
  const problems = e.problems.map((p, j) => {
    if (j !== i) return p;
    switch (v.kind) {
      case "failure":
        return { ...p, failed: p.failed + 1, patterns: p.patterns + 1 };
      case "broken":
        return { ...p, comparison: p.comparison ? { ...p.comparison, broken: p.comparison.broken + 1 } : p.comparison };
      case "rejection":
        return p.signoff && !p.signoff.stale ? { ...p, signoff: { ...p.signoff, decision: "reject" as const } } : p;
      case "error":
        return { ...p, errored: p.errored + 1, patterns: p.patterns + 1 };
      default: // an outstanding result comes back as a failure
        return p.pending > 0 ? { ...p, pending: p.pending - 1, failed: p.failed + 1, comparison: p.comparison } : p;
    }
  });
  return { ...e, problems };
}

describe("evaluateGate properties", () => {
  it("pass implies no unmet check; fail iff some check fails; a reason per unmet check", () => {
    fc.assert(
      fc.property(policyArb, evidenceArb, (policy, e) => {
        const result = evaluateGate(policy, e);
        const checks = result.problems.flatMap((p) => p.checks);
        if (result.decision === "pass") expect(checks.every((c) => c.ok)).toBe(true);
        expect(result.decision === "fail").toBe(checks.some((c) => c.state === "fail"));
        expect(result.decision === "pending").toBe(!checks.some((c) => c.state === "fail") && checks.some((c) => c.state === "pending"));
        expect(result.reasons).toHaveLength(checks.filter((c) => !c.ok).length);
        for (const c of checks) expect(c.ok).toBe(c.state === "ok");
      }),
    );
  });

  it("adding a violation never turns fail into pass or pending", () => {
    fc.assert(
      fc.property(policyArb, evidenceArb, violationArb, (policy, e, v) => {
        fc.pre(evaluateGate(policy, e).decision === "fail");
        expect(evaluateGate(policy, addViolation(e, v)).decision).toBe("fail");
      }),
    );
  });

  it("a fail is final: outstanding results, however they turn out, never undo it", () => {
    fc.assert(
      fc.property(policyArb, evidenceArb, fc.nat(4), (policy, e, index) => {
        fc.pre(evaluateGate(policy, e).decision === "fail" && e.problems.length > 0);
        const i = index % e.problems.length;
        // The best case for problem i: every outstanding result passes and is a fix.
        const problems = e.problems.map((p, j) => {
          if (j !== i) return p;
          const open = p.pending + p.missing + p.awaitingGrade;
          return { ...p, passed: p.passed + open, pending: 0, missing: 0, awaitingGrade: 0, comparison: p.comparison && { ...p.comparison, fixed: p.comparison.fixed + open } };
        });
        expect(evaluateGate(policy, { ...e, problems }).decision).toBe("fail");
      }),
    );
  });

  it("raising a target never turns pass into fail", () => {
    fc.assert(
      fc.property(policyArb, evidenceArb, fc.double({ min: 0, max: 1, noNaN: true }), (policy, e, raise) => {
        fc.pre(evaluateGate(policy, e).decision === "pass");
        const raised = { ...e, problems: e.problems.map((p) => ({ ...p, target: Math.min(1, p.target + raise) })) };
        expect(evaluateGate(policy, raised).decision).toBe("pass");
      }),
    );
  });
});
