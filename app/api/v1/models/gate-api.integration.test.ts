import { beforeAll, describe, expect, it } from "vitest";
import { GET as getGate } from "@/app/api/v1/models/[modelId]/gate/route";
import { POST as postSignoff } from "@/app/api/v1/problems/[problemId]/signoffs/route";
import { PATCH as patchProject, GET as getProject } from "@/app/api/v1/projects/[projectId]/route";
import { prisma } from "@/lib/db/prisma";
import { callRoute } from "@/lib/testing/call-route";
import { createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";
import type { GateResource } from "@/lib/gate/gate.schema";
import { seedGateFixture, verdicts } from "@/lib/gate/testing/seed-gate-fixture";

let engineer: TestUser;
let tester: TestUser;
let stakeholder: TestUser;
let gateToken: string;

beforeAll(async () => {
  engineer = await createTestUser("engineer");
  tester = await createTestUser("tester");
  stakeholder = await createTestUser("stakeholder");
  gateToken = (await createTestToken(engineer, ["gate"])).secret;
});

async function gate(modelId: string, headers: Record<string, string> = { authorization: `Bearer ${gateToken}` }) {
  const res = await callRoute(getGate, { path: `/api/v1/models/${modelId}/gate`, params: { modelId }, headers });
  return { ...res, gate: res.json as unknown as GateResource };
}

function checks(g: GateResource, key: string) {
  return Object.fromEntries(g.problems.find((p) => p.key === key)!.checks.map((c) => [c.rule, c]));
}

describe("GET /api/v1/models/{modelId}/gate", () => {
  it("passes a complete version under every target, with no production to compare with, and audits the evaluation", async () => {
    const f = await seedGateFixture([{ target: 0.2 }, { target: 0.1, severity: "low" }]);
    const v1 = await f.addVersion("1");
    await f.setVerdicts(v1, 0, verdicts(10, 2));
    await f.setVerdicts(v1, 1, verdicts(10, 1));

    const { status, gate: g, text } = await gate(v1);
    expect(status, text).toBe(200);
    expect(g.decision).toBe("pass");
    expect(g.reasons).toEqual([]);
    expect(g.policy).toEqual({ statuses: ["open", "monitoring"], blockRegressions: true, signoffSeverities: ["critical", "high"], maxErroredShare: 0.05, alpha: 0.05 });
    expect(g.replay).toEqual({ complete: true, patterns: 20, pending: 0, missing: 0, awaitingGrade: 0 });
    expect(g.problems.map((p) => [p.key, p.errorRate, p.n])).toEqual([["GT-1", 0.2, 10], ["GT-2", 0.1, 10]]);
    expect(checks(g, "GT-1").regression).toMatchObject({ ok: true, detail: "no production version to compare with" });
    expect(new Date(g.evaluatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const audit = await prisma().auditEvent.findMany({ where: { action: "gate.evaluate", entityId: v1 } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ projectId: f.projectId, actorId: engineer.id, entityType: "model_version", data: { decision: "pass", reasons: [] } });
    expect(audit[0]!.tokenId).not.toBeNull();
  });

  it("fails a problem above its target, naming the rate and the target", async () => {
    const f = await seedGateFixture([{ target: 0.1, patterns: 13 }]);
    const v1 = await f.addVersion("1");
    await f.setVerdicts(v1, 0, verdicts(13, 6));
    const { gate: g } = await gate(v1);
    expect(g.decision).toBe("fail");
    expect(g.reasons).toEqual(["GT-1: 46% above target 10% (n=13)"]);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "gate.evaluate", entityId: v1 } });
    expect(audit.data).toMatchObject({ decision: "fail", reasons: ["GT-1: 46% above target 10% (n=13)"] });
  });

  it("fails a significant regression against the production version; the production version itself has nothing to compare with", async () => {
    const f = await seedGateFixture([{ target: 1, patterns: 10 }, { target: 1, patterns: 10 }]);
    const production = await f.addVersion("1", "production");
    const candidate = await f.addVersion("2");
    for (const index of [0, 1]) await f.setVerdicts(production, index, verdicts(10, 0));
    await f.setVerdicts(candidate, 0, verdicts(10, 6)); // 6 broken, 0 fixed: p = 0.031
    await f.setVerdicts(candidate, 1, verdicts(10, 5)); // 5 broken, 0 fixed: p = 0.0625

    const { gate: g } = await gate(candidate);
    expect(g.decision).toBe("fail");
    expect(g.production).toMatchObject({ id: production, version: "1" });
    expect(g.reasons).toEqual(["GT-1: significantly worse: 6 broken, 0 fixed vs model 1 (p = 0.031 < α 0.05)"]);
    expect(checks(g, "GT-2").regression).toMatchObject({ ok: true, state: "ok" });

    const self = await gate(production);
    expect(self.gate.decision).toBe("pass");
    expect(self.gate.production).toBeNull();
    expect(checks(self.gate, "GT-1").regression?.detail).toBe("this version is the production version: nothing to compare with");
  });

  it("is pending while the replay runs or outputs await a grade; fails on too many errored calls", async () => {
    const f = await seedGateFixture([{ target: 0.5, patterns: 10 }]);
    const v1 = await f.addVersion("1");
    const [first, second, ...rest] = f.problems[0]!.revisionIds;
    await f.setVerdicts(v1, 0, [undefined, undefined, ...verdicts(8, 0)]);

    // Two patterns still replaying.
    const runId = await f.startReplay(v1, [first!, second!]);
    let g = (await gate(v1)).gate;
    expect(g.decision).toBe("pending");
    expect(g.replay).toEqual({ complete: false, patterns: 10, pending: 2, missing: 0, awaitingGrade: 0 });
    expect(g.reasons).toEqual(["GT-1: replay incomplete: 2 still replaying of 10 patterns"]);

    // The run is cancelled: the two have no result and no replay queued, still waiting.
    await prisma().replayRun.update({ where: { id: runId }, data: { status: "cancelled" } });
    g = (await gate(v1)).gate;
    expect(g.decision).toBe("pending");
    expect(g.replay).toMatchObject({ pending: 0, missing: 2 });

    // Both come back: one passes, one waits for a human grade.
    await f.setVerdicts(v1, 0, ["pass", null]);
    g = (await gate(v1)).gate;
    expect(g.decision).toBe("pending");
    expect(g.reasons).toEqual(["GT-1: replay incomplete: 1 awaiting a grade of 10 patterns"]);

    // Graded, complete: pass. Then one call errors: 10% > 5% → fail, not pending.
    await f.setVerdicts(v1, 0, ["pass", "pass"]);
    expect((await gate(v1)).gate.decision).toBe("pass");
    await f.setVerdicts(v1, 0, ["pass", "error"]);
    g = (await gate(v1)).gate;
    expect(g.decision).toBe("fail");
    expect(g.reasons).toEqual(["GT-1: 1 of 10 calls errored (10%), more than the 5% allowed"]);
    expect(rest).toHaveLength(8);
  });

  it("counts a result being replayed again as outstanding: old failures under a rerun do not fail the gate yet", async () => {
    const f = await seedGateFixture([{ target: 0.2, patterns: 10 }]);
    const v1 = await f.addVersion("1");
    await f.setVerdicts(v1, 0, verdicts(10, 5));
    expect((await gate(v1)).gate.decision).toBe("fail");
    await f.startReplay(v1, f.problems[0]!.revisionIds.slice(0, 5));
    const { gate: g } = await gate(v1);
    expect(g.decision).toBe("pending");
    expect(checks(g, "GT-1").target).toMatchObject({ state: "pending", detail: "0% (n=5), target 20%: waiting for 5 outstanding results" });
    // What the charts show stays listErrorRates' until the rerun writes.
    expect(g.problems[0]).toMatchObject({ errorRate: 0.5, n: 10 });
  });

  it("waits for critical and high problems' sign-offs", async () => {
    const f = await seedGateFixture([{ severity: "critical", target: 0.5 }, { severity: "medium", target: 0.5 }]);
    const v1 = await f.addVersion("1");
    await f.setVerdicts(v1, 0, verdicts(10, 0));
    await f.setVerdicts(v1, 1, verdicts(10, 0));
    const { gate: g } = await gate(v1);
    expect(g.decision).toBe("pending");
    expect(g.reasons).toEqual(["GT-1: awaiting a sign-off (critical)"]);
    expect(checks(g, "GT-2").signoff).toBeUndefined();
  });

  it("counts a current approval, fails on a current rejection, and ignores a stale sign-off", async () => {
    const f = await seedGateFixture([{ severity: "critical", target: 0.5 }, { severity: "high", target: 0.5 }]);
    const v1 = await f.addVersion("1");
    await f.setVerdicts(v1, 0, verdicts(10, 0));
    await f.setVerdicts(v1, 1, verdicts(10, 0));
    const signOff = async (index: number, decision: "approve" | "reject", comment = "") => {
      const problemId = f.problems[index]!.id;
      const res = await callRoute(postSignoff, { method: "POST", params: { problemId }, body: { modelVersionId: v1, decision, comment }, headers: { cookie: stakeholder.cookie } });
      expect(res.status, res.text).toBe(201);
    };

    await signOff(0, "approve");
    let g = (await gate(v1)).gate;
    expect(checks(g, "GT-1").signoff).toMatchObject({ ok: true, detail: "approved by Test stakeholder" });
    expect(g.decision).toBe("pending");
    expect(g.reasons).toEqual(["GT-2: awaiting a sign-off (high)"]);

    await signOff(1, "reject", "wait for the retrain");
    g = (await gate(v1)).gate;
    expect(g.decision).toBe("fail");
    expect(g.reasons).toEqual(["GT-2: rejected by Test stakeholder: “wait for the retrain”"]);

    // A newer approval supersedes the rejection: pass.
    await signOff(1, "approve");
    expect((await gate(v1)).gate.decision).toBe("pass");

    // A re-replay changes a verdict on GT-1: its approval turns stale and no longer counts.
    await f.setVerdicts(v1, 0, ["fail"]);
    g = (await gate(v1)).gate;
    expect(g.decision).toBe("pending");
    expect(checks(g, "GT-1").signoff).toMatchObject({ ok: false, state: "pending" });
    expect(g.reasons).toHaveLength(1);
    expect(g.reasons[0]).toMatch(/^GT-1: approval by Test stakeholder is stale \(.+\): awaiting a new sign-off$/);
  });

  it("follows the project's policy, edited by an engineer through PATCH /projects/{id} and validated", async () => {
    const f = await seedGateFixture([{ severity: "critical", target: 0.5 }]);
    const v1 = await f.addVersion("1");
    await f.setVerdicts(v1, 0, [...verdicts(9, 0), "error"]);
    expect((await gate(v1)).gate.decision).toBe("fail");

    const project = await callRoute(getProject, { path: `/api/v1/projects/${f.projectId}`, params: { projectId: f.projectId }, headers: { cookie: engineer.cookie } });
    expect(project.json.gatePolicy).toEqual({ statuses: ["open", "monitoring"], blockRegressions: true, signoffSeverities: ["critical", "high"], maxErroredShare: 0.05 });
    const patch = (user: TestUser, body: unknown) =>
      callRoute(patchProject, { method: "PATCH", path: `/api/v1/projects/${f.projectId}`, params: { projectId: f.projectId }, body, headers: { cookie: user.cookie } });

    const invalid = await patch(engineer, { lockVersion: 0, gatePolicy: { maxErroredShare: 2, signoffSeverities: ["urgent"] } });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error?.fields?.map((e) => e.path).sort()).toEqual(["body.gatePolicy.maxErroredShare", "body.gatePolicy.signoffSeverities.0"]);
    expect((await patch(tester, { lockVersion: 0, gatePolicy: {} })).status).toBe(403);

    const saved = await patch(engineer, { lockVersion: 0, gatePolicy: { maxErroredShare: 0.1, signoffSeverities: [] } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.gatePolicy).toEqual({ statuses: ["open", "monitoring"], blockRegressions: true, signoffSeverities: [], maxErroredShare: 0.1 });
    const g = (await gate(v1)).gate;
    expect(g.decision).toBe("pass");
    expect(g.policy).toMatchObject({ maxErroredShare: 0.1, signoffSeverities: [] });
    const change = await prisma().auditEvent.findFirstOrThrow({ where: { action: "project.update", entityId: f.projectId } });
    expect(change.data).toMatchObject({ changes: { gatePolicy: { to: { maxErroredShare: 0.1, signoffSeverities: [] } } } });
  });

  it("answers 404 for an unknown version and needs scope gate or read", async () => {
    expect((await gate("cl0000000000000000000000x")).status).toBe(404);
    const writeOnly = await createTestToken(engineer, ["write"]);
    const f = await seedGateFixture([{}]);
    const v1 = await f.addVersion("1");
    expect((await gate(v1, { authorization: `Bearer ${writeOnly.secret}` })).status).toBe(403);
    const read = await createTestToken(tester, ["read"]);
    expect((await gate(v1, { authorization: `Bearer ${read.secret}` })).status).toBe(200);
  });
});
