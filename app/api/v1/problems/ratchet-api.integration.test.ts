import { beforeAll, describe, expect, it } from "vitest";
import { GET as getGate } from "@/app/api/v1/models/[modelId]/gate/route";
import { PATCH as patchModel } from "@/app/api/v1/models/[modelId]/route";
import { GET as getHistory } from "@/app/api/v1/problems/[problemId]/history/route";
import { PATCH as patchProblem } from "@/app/api/v1/problems/[problemId]/route";
import { prisma } from "@/lib/db/prisma";
import { seedGateFixture, verdicts } from "@/lib/gate/testing/seed-gate-fixture";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";

let engineer: TestUser;

beforeAll(async () => {
  engineer = await createTestUser("engineer");
});

const promote = (modelId: string, lockVersion = 0) =>
  callRoute(patchModel, { method: "PATCH", path: `/api/v1/models/${modelId}`, params: { modelId }, body: { lockVersion, status: "production" }, headers: { cookie: engineer.cookie } });
const target = async (problemId: string) => (await prisma().problem.findUniqueOrThrow({ where: { id: problemId } })).target;
const history = async (problemId: string) =>
  (await callRoute(getHistory, { path: `/api/v1/problems/${problemId}/history`, params: { problemId }, headers: { cookie: engineer.cookie } })).json.items as {
    action: string;
    changes: Record<string, { from: unknown; to: unknown }>;
    modelVersion: { id: string; name: string; version: string } | null;
    actor: { id: string } | null;
  }[];

describe("the ratchet", () => {
  it("is off by default and switched on through PATCH /problems/{id}, recorded in the history", async () => {
    const f = await seedGateFixture([{}]);
    const problemId = f.problems[0]!.id;
    const res = await callRoute(patchProblem, { method: "PATCH", path: `/api/v1/problems/${problemId}`, params: { problemId }, body: { lockVersion: 0, ratchet: true }, headers: { cookie: engineer.cookie } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ ratchet: true, lockVersion: 1 });
    expect((await history(problemId))[0]).toMatchObject({ action: "problem.update", changes: { ratchet: { from: false, to: true } }, modelVersion: null });
  });

  it("promotion tightens targets to the version's error rate only where the option is on and the rate is lower, in the same transaction, with a history row naming the version", async () => {
    const f = await seedGateFixture([
      { target: 0.2, ratchet: true }, // 10% → tightened to 10%
      { target: 0.2, ratchet: true }, // 30% → above target: unchanged
      { target: 0.2, ratchet: false }, // 0%, option off: unchanged
      { target: 0.2, ratchet: true, patterns: 4 }, // no pass/fail result: unchanged
    ]);
    const v1 = await f.addVersion("2.1");
    await f.setVerdicts(v1, 0, verdicts(10, 1));
    await f.setVerdicts(v1, 1, verdicts(10, 3));
    await f.setVerdicts(v1, 2, verdicts(10, 0));
    await f.setVerdicts(v1, 3, ["error", "error", null, undefined]);
    const [p1, p2, p3, p4] = f.problems.map((p) => p.id) as [string, string, string, string];

    const res = await promote(v1);
    expect(res.status, res.text).toBe(200);
    expect(res.json.status).toBe("production");
    expect(await target(p1)).toBe(0.1);
    expect(await target(p2)).toBe(0.2);
    expect(await target(p3)).toBe(0.2);
    expect(await target(p4)).toBe(0.2);

    const [entry] = await history(p1);
    expect(entry).toMatchObject({ action: "problem.ratchet", changes: { target: { from: 0.2, to: 0.1 } }, modelVersion: { id: v1, name: "model", version: "2.1" }, actor: { id: engineer.id } });
    for (const id of [p2, p3, p4]) expect((await history(id)).filter((e) => e.action === "problem.ratchet")).toEqual([]);
    // The ratchet bumps the problem's lockVersion: an edit made from a copy read before the promotion gets 409.
    expect((await prisma().problem.findUniqueOrThrow({ where: { id: p1 } })).lockVersion).toBe(1);

    // The gate now holds the next version to 10%: 20% fails, though at the original target.
    const v2 = await f.addVersion("3.0");
    await f.setVerdicts(v2, 0, verdicts(10, 2));
    const gate = await callRoute(getGate, { path: `/api/v1/models/${v2}/gate`, params: { modelId: v2 }, headers: { cookie: engineer.cookie } });
    expect((gate.json.reasons as string[]).filter((r) => r.startsWith("GT-1"))).toEqual(["GT-1: 20% above target 10% (n=10)"]);

    // Promoting a later version that is worse never loosens the target.
    await f.setVerdicts(v2, 0, verdicts(10, 5));
    expect((await promote(v2)).status).toBe(200);
    expect(await target(p1)).toBe(0.1);
    expect((await history(p1)).filter((e) => e.action === "problem.ratchet")).toHaveLength(1);
    expect((await prisma().modelVersion.findUniqueOrThrow({ where: { id: v1 } })).status).toBe("retired");
  });

  it("a failed promotion tightens nothing", async () => {
    const f = await seedGateFixture([{ target: 0.2, ratchet: true }]);
    const v1 = await f.addVersion("1");
    await f.setVerdicts(v1, 0, verdicts(10, 0));
    const stale = await promote(v1, 7);
    expect(stale.status).toBe(409);
    expect(await target(f.problems[0]!.id)).toBe(0.2);
    expect(await prisma().auditEvent.count({ where: { action: "problem.ratchet", projectId: f.projectId } })).toBe(0);
  });
});
