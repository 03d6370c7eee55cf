import { beforeAll, describe, expect, it } from "vitest";
import * as gradesRoute from "@/app/api/v1/grades/route";
import * as modelSignoffsRoute from "@/app/api/v1/models/[modelId]/signoffs/route";
import * as patternRoute from "@/app/api/v1/patterns/[patternId]/route";
import * as problemPatternsRoute from "@/app/api/v1/problems/[problemId]/patterns/route";
import * as problemSignoffsRoute from "@/app/api/v1/problems/[problemId]/signoffs/route";
import * as signoffRoute from "@/app/api/v1/signoffs/[signoffId]/route";
import { prisma } from "@/lib/db/prisma";
import type { Verdict } from "@/lib/db/generated/enums";
import { createTestModelVersion, createTestProject } from "@/lib/patterns/pattern-test-fixtures";
import { hashJson } from "@/lib/scoring/canonical-json";
import type { Expectation } from "@/lib/scoring/expectation.schema";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";
import { listCurrentSignoffs } from "@/lib/signoffs/list-current-signoffs";
import { listSignoffMarkers } from "@/lib/signoffs/list-signoff-markers";

// Real routes, real PostgreSQL. Patterns and results of the fixture are written
// directly (no replay runs, so the evidence is complete); the changes that make
// a sign-off stale go through the same routes a tester uses.

type Users = Record<"admin" | "engineer" | "tester" | "stakeholder", TestUser>;
const users = {} as Users;
let projectId: string;
let problemIds: string[];
let baselineId: string;
let candidateId: string;

type SignoffJson = {
  id: string;
  decision: string;
  comment: string;
  stale: boolean;
  staleReason: string | null;
  superseded: boolean;
  createdBy: { id: string; name: string } | null;
  evidence: {
    passed: number; failed: number; errored: number; n: number; errorRate: number; low: number; high: number; target: number;
    comparison: { baselineModelVersionId: string; fixed: number; broken: number; pValue: number; verdict: string } | null;
    patternSetFingerprint: string; resultsFingerprint: string; patterns: { patternId: string; revisionId: string; verdict: string }[];
  };
};

/** A pattern of the problem with the given verdict per model version (undefined: no result; null: awaiting a grade). */
async function addPattern(problemId: string, verdicts: { baseline?: Verdict | null; candidate?: Verdict | null }, expectation: Expectation = { kind: "equals", value: "positive" }) {
  const input = { text: `pattern ${Math.random().toString(36).slice(2)}` };
  const pattern = await prisma().pattern.create({
    data: {
      projectId, problemId, name: input.text, purpose: "case", origin: "contrived",
      revisions: { create: { projectId, number: 1, inputKind: "json", input, inputHash: hashJson(input), expectation } },
    },
    select: { id: true, revisions: { select: { id: true } } },
  });
  const revisionId = pattern.revisions[0]!.id;
  await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: revisionId } });
  for (const [modelVersionId, verdict] of [[baselineId, verdicts.baseline], [candidateId, verdicts.candidate]] as const) {
    if (verdict === undefined) continue;
    const output = verdict === "pass" ? "positive" : "negative";
    await prisma().result.create({
      data: { projectId, problemId, patternId: pattern.id, patternRevisionId: revisionId, modelVersionId, output, outputHash: hashJson(output), verdict, latencyMs: 5 },
    });
  }
  return { patternId: pattern.id, revisionId };
}

/** 8 passes and 2 failures on the candidate; the baseline fails 4 of the candidate's passes. */
async function seedCompleteProblem(problemId: string) {
  const patterns = [];
  for (let i = 0; i < 10; i++) {
    patterns.push(await addPattern(problemId, { baseline: i < 4 || i >= 8 ? "fail" : "pass", candidate: i < 8 ? "pass" : "fail" }));
  }
  return patterns;
}

function signOff(user: TestUser, problemId: string, body: Record<string, unknown>) {
  return callRoute(problemSignoffsRoute.POST, { method: "POST", params: { problemId }, body: { modelVersionId: candidateId, ...body }, headers: { cookie: user.cookie } });
}
function listSignoffs(user: TestUser, problemId: string, query = "") {
  return callRoute(problemSignoffsRoute.GET, { path: `/api/v1/problems/${problemId}/signoffs${query}`, params: { problemId }, headers: { cookie: user.cookie } });
}
async function current(problemId: string) {
  return (await listCurrentSignoffs(projectId, candidateId)).find((s) => s.problemId === problemId);
}

beforeAll(async () => {
  for (const role of ["admin", "engineer", "tester", "stakeholder"] as const) users[role] = await createTestUser(role);
  const { project, problems } = await createTestProject({ problemKeys: 12 });
  projectId = project.id;
  problemIds = problems.map((p) => p.id);
  baselineId = (await createTestModelVersion(projectId, "1.0")).id;
  await prisma().modelVersion.update({ where: { id: baselineId }, data: { status: "production" } });
  candidateId = (await createTestModelVersion(projectId, "2.0")).id;
});

describe("POST /problems/{problemId}/signoffs", () => {
  it("refuses testers and engineers (403) and writes nothing", async () => {
    await seedCompleteProblem(problemIds[0]!);
    for (const role of ["tester", "engineer"] as const) {
      const res = await signOff(users[role], problemIds[0]!, { decision: "approve", comment: "" });
      expect(res.status, res.text).toBe(403);
    }
    expect(await prisma().signOff.count()).toBe(0);
  });

  it("lets a stakeholder approve (201), freezing counts, interval, target, the baseline comparison and fingerprints, audited", async () => {
    const res = await signOff(users.stakeholder, problemIds[0]!, { decision: "approve", comment: "80% is enough for now" });
    expect(res.status, res.text).toBe(201);
    const record = res.json as unknown as SignoffJson;
    expect(record).toMatchObject({ decision: "approve", comment: "80% is enough for now", stale: false, superseded: false, createdBy: { id: users.stakeholder.id } });
    expect(record.evidence).toMatchObject({ passed: 8, failed: 2, errored: 0, n: 10, errorRate: 0.2, target: 0.2 });
    expect(record.evidence.low).toBeCloseTo(0.0567, 3);
    expect(record.evidence.high).toBeCloseTo(0.5098, 3);
    // Baseline (production 1.0) failed patterns 0–3 and 8–9; the candidate fixed 0–3 and broke none.
    expect(record.evidence.comparison).toMatchObject({ baselineModelVersionId: baselineId, fixed: 4, broken: 0, verdict: "unchanged" });
    expect(record.evidence.comparison!.pValue).toBeCloseTo(0.125, 6);
    expect(record.evidence.patternSetFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(record.evidence.resultsFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(record.evidence.patterns).toHaveLength(10);

    const row = await prisma().signOff.findUniqueOrThrow({ where: { id: record.id } });
    expect(row).toMatchObject({ projectId, problemId: problemIds[0], modelVersionId: candidateId, createdById: users.stakeholder.id, n: 10, errorRate: 0.2 });
    const audit = await prisma().auditEvent.findMany({ where: { action: "signoff.create", entityId: record.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: users.stakeholder.id, projectId, entityType: "signoff" });
    expect(audit[0]!.data).toMatchObject({ problemId: problemIds[0], modelVersionId: candidateId, decision: "approve", supersedes: null });
  });

  it("lets an admin reject, which supersedes the approval: newest first in the list, the current one is the rejection", async () => {
    const first = (await listSignoffs(users.tester, problemIds[0]!)).json as unknown as { items: SignoffJson[] };
    const res = await signOff(users.admin, problemIds[0]!, { decision: "reject", comment: "too close to the target" });
    expect(res.status, res.text).toBe(201);
    const rejection = res.json as unknown as SignoffJson;

    const list = await listSignoffs(users.tester, problemIds[0]!, `?modelVersionId=${candidateId}`);
    expect(list.status).toBe(200);
    const { items, nextCursor } = list.json as unknown as { items: SignoffJson[]; nextCursor: string | null };
    expect(items.map((s) => [s.id, s.decision, s.superseded])).toEqual([[rejection.id, "reject", false], [first.items[0]!.id, "approve", true]]);
    expect(nextCursor).toBeNull();
    expect((await listSignoffs(users.tester, problemIds[0]!, `?modelVersionId=${baselineId}`)).json).toMatchObject({ items: [] });

    expect(await current(problemIds[0]!)).toMatchObject({ id: rejection.id, decision: "reject", stale: false, createdBy: { id: users.admin.id } });
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "signoff.create", entityId: rejection.id } });
    expect(audit.data).toMatchObject({ supersedes: first.items[0]!.id });
    // One page at a time, newest first.
    const page = (await listSignoffs(users.tester, problemIds[0]!, "?limit=1")).json as unknown as { items: SignoffJson[]; nextCursor: string };
    expect(page.items.map((s) => s.id)).toEqual([rejection.id]);
    const next = (await listSignoffs(users.tester, problemIds[0]!, `?limit=1&cursor=${page.nextCursor}`)).json as unknown as { items: SignoffJson[] };
    expect(next.items.map((s) => s.id)).toEqual([first.items[0]!.id]);
  });

  it("answers 405 in the error shape to PATCH and DELETE, and the record stays as it was", async () => {
    const signoff = await prisma().signOff.findFirstOrThrow({ where: { problemId: problemIds[0] }, orderBy: { createdAt: "asc" } });
    const headers = { cookie: users.admin.cookie };
    for (const [handler, params] of [
      [problemSignoffsRoute.PATCH, { problemId: problemIds[0]! }],
      [problemSignoffsRoute.DELETE, { problemId: problemIds[0]! }],
      [signoffRoute.PATCH, { signoffId: signoff.id }],
      [signoffRoute.DELETE, { signoffId: signoff.id }],
    ] as const) {
      const res = await callRoute(handler, { method: "PATCH", params, body: { decision: "reject" }, headers });
      expect(res.status, res.text).toBe(405);
      expect(res.json.error).toMatchObject({ code: "method_not_allowed" });
      expect(res.json.error!.message).toMatch(/immutable/);
      expect(res.headers.get("allow")).toMatch(/GET/);
    }
    expect(await prisma().signOff.findUniqueOrThrow({ where: { id: signoff.id } })).toEqual(signoff);
    const one = await callRoute(signoffRoute.GET, { params: { signoffId: signoff.id }, headers: { cookie: users.tester.cookie } });
    expect(one.json).toMatchObject({ id: signoff.id, decision: "approve", superseded: true, stale: false });
  });

  it("answers 422 with the body field for a model version of another project", async () => {
    const other = await createTestProject({ keyPrefix: "OTH", problemKeys: 1 });
    const otherVersion = await createTestModelVersion(other.project.id, "9.9");
    const res = await signOff(users.stakeholder, problemIds[0]!, { modelVersionId: otherVersion.id, decision: "approve" });
    expect(res.status, res.text).toBe(422);
    expect(res.json.error!.fields).toEqual([{ path: "body.modelVersionId", message: "no model version of this project" }]);
  });
});

describe("refusing a sign-off on incomplete evidence (422)", () => {
  it("while a current pattern has no result for the version", async () => {
    const problemId = problemIds[1]!;
    await seedCompleteProblem(problemId);
    await addPattern(problemId, { baseline: "pass" });
    const res = await signOff(users.stakeholder, problemId, { decision: "approve" });
    expect(res.status, res.text).toBe(422);
    expect(res.json.error!.message).toMatch(/SENT-2: the replay is incomplete \(1 pattern has no result for this version\)/);
    expect(await prisma().signOff.count({ where: { problemId } })).toBe(0);
  });

  it("while a replay of the version still has the problem's patterns queued", async () => {
    const problemId = problemIds[2]!;
    const patterns = await seedCompleteProblem(problemId);
    const run = await prisma().replayRun.create({ data: { projectId, modelVersionId: candidateId, trigger: "manual", total: 2 } });
    await prisma().replayRunItem.createMany({ data: patterns.slice(0, 2).map((p) => ({ runId: run.id, projectId, patternRevisionId: p.revisionId })) });
    const res = await signOff(users.stakeholder, problemId, { decision: "approve" });
    expect(res.status, res.text).toBe(422);
    expect(res.json.error!.message).toMatch(/2 patterns are still being replayed/);

    await prisma().replayRun.update({ where: { id: run.id }, data: { status: "cancelled" } });
    expect((await signOff(users.stakeholder, problemId, { decision: "approve" })).status).toBe(201);
  });

  it("while an output awaits a human grade, and accepts it once graded", async () => {
    const problemId = problemIds[3]!;
    await seedCompleteProblem(problemId);
    const human = await addPattern(problemId, { baseline: "pass", candidate: null }, { kind: "human" });
    const res = await signOff(users.stakeholder, problemId, { decision: "approve" });
    expect(res.status, res.text).toBe(422);
    expect(res.json.error!.message).toMatch(/1 output awaits a human grade/);

    const graded = await grade(human.revisionId, "pass");
    expect(graded.status, graded.text).toBe(201);
    expect((await signOff(users.stakeholder, problemId, { decision: "approve" })).status).toBe(201);
  });
});

function grade(patternRevisionId: string, verdict: "pass" | "fail") {
  return callRoute(gradesRoute.POST, { method: "POST", body: { patternRevisionId, outputHash: hashJson("negative"), verdict }, headers: { cookie: users.tester.cookie } });
}

describe("a sign-off turns stale, computed at read time, when what it was made on changes", () => {
  async function approved(problemId: string) {
    const patterns = await seedCompleteProblem(problemId);
    const res = await signOff(users.stakeholder, problemId, { decision: "approve" });
    expect(res.status, res.text).toBe(201);
    expect(await current(problemId)).toMatchObject({ stale: false, staleReason: null });
    return { patterns, signoffId: (res.json as unknown as SignoffJson).id };
  }
  async function expectStale(problemId: string, signoffId: string, reason: string) {
    expect(await current(problemId)).toMatchObject({ id: signoffId, stale: true, staleReason: reason });
    const markers = await listSignoffMarkers(projectId, { problemIds: [problemId] });
    expect(markers.map((m) => [m.modelVersionId, m.stale])).toEqual([[candidateId, true]]);
    const list = (await listSignoffs(users.tester, problemId)).json as unknown as { items: SignoffJson[] };
    expect(list.items[0]).toMatchObject({ id: signoffId, stale: true, staleReason: reason });
  }

  it("a pattern added", async () => {
    const problemId = problemIds[4]!;
    const { signoffId } = await approved(problemId);
    const res = await callRoute(problemPatternsRoute.POST, {
      method: "POST", params: { problemId }, headers: { cookie: users.tester.cookie },
      body: { name: "new", purpose: "case", origin: "contrived", inputKind: "json", input: { text: "brand new" }, expectation: { kind: "equals", value: "positive" } },
    });
    expect(res.status, res.text).toBe(201);
    await expectStale(problemId, signoffId, "1 pattern added since");
  });

  it("a pattern edited (new revision) — but not a notes-only edit", async () => {
    const problemId = problemIds[5]!;
    const { patterns, signoffId } = await approved(problemId);
    const patch = (body: Record<string, unknown>) =>
      callRoute(patternRoute.PATCH, { method: "PATCH", params: { patternId: patterns[0]!.patternId }, body, headers: { cookie: users.tester.cookie } });
    expect((await patch({ lockVersion: 0, notes: "only a note" })).status).toBe(200);
    expect(await current(problemId)).toMatchObject({ stale: false });
    const res = await patch({ lockVersion: 1, input: { text: "edited input" } });
    expect(res.status, res.text).toBe(200);
    await expectStale(problemId, signoffId, "1 pattern edited since");
  });

  it("a pattern archived", async () => {
    const problemId = problemIds[6]!;
    const { patterns, signoffId } = await approved(problemId);
    const res = await callRoute(patternRoute.DELETE, { method: "DELETE", params: { patternId: patterns[3]!.patternId }, headers: { cookie: users.tester.cookie } });
    expect(res.status, res.text).toBeLessThan(300);
    await expectStale(problemId, signoffId, "1 pattern archived since");
  });

  it("a re-replay that changed a verdict — but not one that gave the same verdicts again", async () => {
    const problemId = problemIds[7]!;
    const { patterns, signoffId } = await approved(problemId);
    await prisma().result.updateMany({ where: { modelVersionId: candidateId, problemId }, data: { latencyMs: 7, updatedAt: new Date() } });
    expect(await current(problemId)).toMatchObject({ stale: false });
    await prisma().result.update({
      where: { modelVersionId_patternRevisionId: { modelVersionId: candidateId, patternRevisionId: patterns[0]!.revisionId } },
      data: { verdict: "fail", output: "negative", outputHash: hashJson("negative") },
    });
    await expectStale(problemId, signoffId, "1 verdict changed since");
  });

  it("a grade changed", async () => {
    const problemId = problemIds[8]!;
    await seedCompleteProblem(problemId);
    const human = await addPattern(problemId, { baseline: "pass", candidate: null }, { kind: "human" });
    expect((await grade(human.revisionId, "pass")).status).toBe(201);
    const res = await signOff(users.stakeholder, problemId, { decision: "approve" });
    expect(res.status, res.text).toBe(201);
    const signoffId = (res.json as unknown as SignoffJson).id;
    expect(await current(problemId)).toMatchObject({ stale: false });
    expect((await grade(human.revisionId, "fail")).status).toBe(201);
    await expectStale(problemId, signoffId, "1 verdict changed since");
  });

  it("a newer decision on the changed evidence is current and not stale", async () => {
    const problemId = problemIds[4]!;
    await prisma().replayRun.updateMany({ where: { projectId, status: "queued" }, data: { status: "cancelled" } });
    const added = await prisma().pattern.findFirstOrThrow({ where: { problemId, name: "new" } });
    await prisma().result.create({
      data: { projectId, problemId, patternId: added.id, patternRevisionId: added.currentRevisionId!, modelVersionId: candidateId, output: "positive", outputHash: hashJson("positive"), verdict: "pass" },
    });
    const res = await signOff(users.stakeholder, problemId, { decision: "approve", comment: "re-checked" });
    expect(res.status, res.text).toBe(201);
    expect(await current(problemId)).toMatchObject({ id: (res.json as unknown as SignoffJson).id, stale: false, comment: "re-checked" });
  });
});

describe("POST /models/{modelId}/signoffs (one record per problem, all or nothing)", () => {
  it("writes nothing when one problem cannot be signed off, then one audited record per problem", async () => {
    const ready = problemIds[9]!;
    const incomplete = problemIds[10]!;
    await seedCompleteProblem(ready);
    await seedCompleteProblem(incomplete);
    const missing = await addPattern(incomplete, { baseline: "pass" });
    const post = (items: unknown[]) =>
      callRoute(modelSignoffsRoute.POST, { method: "POST", params: { modelId: candidateId }, body: { items }, headers: { cookie: users.stakeholder.cookie } });
    const items = [ready, incomplete].map((problemId) => ({ problemId, decision: "approve", comment: "meets its target" }));

    const refused = await post(items);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.json.error!.fields).toEqual([{ path: "body.items.1.problemId", message: "SENT-11: the replay is incomplete (1 pattern has no result for this version)" }]);
    expect(await prisma().signOff.count({ where: { problemId: { in: [ready, incomplete] } } })).toBe(0);

    await prisma().result.create({
      data: { projectId, problemId: incomplete, patternId: missing.patternId, patternRevisionId: missing.revisionId, modelVersionId: candidateId, output: "positive", outputHash: hashJson("positive"), verdict: "pass" },
    });
    const res = await post(items);
    expect(res.status, res.text).toBe(201);
    const created = (res.json as unknown as { items: SignoffJson[] }).items;
    expect(created.map((s) => s.decision)).toEqual(["approve", "approve"]);
    expect(await prisma().auditEvent.count({ where: { action: "signoff.create", entityId: { in: created.map((s) => s.id) } } })).toBe(2);

    const twice = await post([items[0], items[0]]);
    expect(twice.status).toBe(422);
    const foreign = await post([{ problemId: "cl0000000000000000000000x", decision: "approve" }]);
    expect(foreign.status).toBe(422);
    const tester = await callRoute(modelSignoffsRoute.POST, { method: "POST", params: { modelId: candidateId }, body: { items }, headers: { cookie: users.tester.cookie } });
    expect(tester.status).toBe(403);
  });
});
