import { beforeAll, describe, expect, it } from "vitest";
import * as patternRoute from "@/app/api/v1/patterns/[patternId]/route";
import * as revisionsRoute from "@/app/api/v1/patterns/[patternId]/revisions/route";
import * as problemPatternsRoute from "@/app/api/v1/problems/[problemId]/patterns/route";
import { prisma } from "@/lib/db/prisma";
import { listPatternHistory } from "@/lib/patterns/list-pattern-history";
import { hashJson } from "@/lib/scoring/canonical-json";
import { callRoute } from "@/lib/testing/call-route";
import { createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";
import { createTestModelVersion, createTestProject, patternTableCounts } from "@/lib/patterns/pattern-test-fixtures";

let tester: TestUser;
let engineer: TestUser;
let stakeholder: TestUser;
let problemId: string;
let otherProblemId: string;
let projectId: string;

const sample = {
  name: "Zipper broke, 'oh great'",
  purpose: "case",
  origin: "production",
  notes: "from a client",
  inputKind: "json",
  input: { text: "Oh great, the zipper broke." },
  expectation: { kind: "equals", value: "negative" },
};

function post(user: TestUser, body: unknown, id = problemId) {
  return callRoute(problemPatternsRoute.POST, { method: "POST", params: { problemId: id }, body, headers: { cookie: user.cookie } });
}
function patch(user: TestUser, patternId: string, body: unknown) {
  return callRoute(patternRoute.PATCH, { method: "PATCH", params: { patternId }, body, headers: { cookie: user.cookie } });
}
function list(user: TestUser, query = "", id = problemId) {
  return callRoute(problemPatternsRoute.GET, { path: `/api/v1/problems/${id}/patterns${query}`, params: { problemId: id }, headers: { cookie: user.cookie } });
}
type PatternJson = { id: string; revision: number; revisionId: string; lockVersion: number; name: string; notes: string; input: unknown; inputHash: string; expectation: unknown; warnings?: { code: string; patternId: string; name: string }[]; newRevision?: boolean; archivedAt: string | null };

beforeAll(async () => {
  tester = await createTestUser("tester");
  engineer = await createTestUser("engineer");
  stakeholder = await createTestUser("stakeholder");
  const { project, problems } = await createTestProject();
  projectId = project.id;
  problemId = problems[0]!.id;
  otherProblemId = problems[1]!.id;
  await createTestModelVersion(projectId, "1.0");
  await prisma().modelVersion.create({ data: { projectId, name: "sentiment", version: "file", connectorKind: "predictions", connector: { kind: "predictions" } } });
});

describe("POST /problems/{problemId}/patterns", () => {
  it("creates the pattern with revision 1, its input hash, an audit event and a back-fill on callable model versions only", async () => {
    const res = await post(tester, sample);
    expect(res.status, res.text).toBe(201);
    const created = res.json as unknown as PatternJson;
    expect(created).toMatchObject({ name: sample.name, revision: 1, lockVersion: 0, input: sample.input, expectation: sample.expectation, warnings: [] });

    const pattern = await prisma().pattern.findUniqueOrThrow({ where: { id: created.id }, include: { revisions: true } });
    expect(pattern.currentRevisionId).toBe(created.revisionId);
    expect(pattern.revisions).toHaveLength(1);
    expect(pattern.revisions[0]).toMatchObject({ number: 1, inputKind: "json", inputHash: hashJson(sample.input), createdById: tester.id });

    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "pattern.create", entityId: created.id } });
    expect(audit.actorId).toBe(tester.id);

    const runs = await prisma().replayRun.findMany({ where: { projectId }, include: { items: true, modelVersion: true } });
    expect(runs.map((r) => [r.modelVersion.version, r.trigger, r.items.map((i) => i.patternRevisionId)])).toEqual([["1.0", "patterns_changed", [created.revisionId]]]);
  });

  it("warns about the same input within the problem but still creates it; another problem does not count", async () => {
    const first = (await list(tester)).json.items as PatternJson[];
    const res = await post(tester, { ...sample, name: "Same words again" });
    expect(res.status).toBe(201);
    expect((res.json as unknown as PatternJson).warnings).toEqual([{ code: "duplicate_input", patternId: first[0]!.id, name: sample.name, message: expect.any(String) }]);
    const elsewhere = await post(tester, { ...sample, name: "Other problem" }, otherProblemId);
    expect((elsewhere.json as unknown as PatternJson).warnings).toEqual([]);
  });

  it("stores text inputs as a JSON string", async () => {
    const res = await post(tester, { ...sample, name: "Text input", inputKind: "text", input: "Not bad at all" });
    expect(res.status, res.text).toBe(201);
    const revision = await prisma().patternRevision.findUniqueOrThrow({ where: { id: (res.json as unknown as PatternJson).revisionId } });
    expect(revision).toMatchObject({ inputKind: "text", input: "Not bad at all", inputHash: hashJson("Not bad at all") });
  });

  it("refuses expectations that do not fit the project with 422 and writes nothing", async () => {
    const before = await patternTableCounts();
    const cases: [unknown, string, RegExp][] = [
      [{ kind: "equals", value: "angry" }, "body.expectation.value", /not a label of this project: "angry"/],
      [{ kind: "one_of", values: ["negative", "meh"] }, "body.expectation.values.1", /not a label/],
      [{ kind: "within", value: 3, abs: 0.5 }, "body.expectation.kind", /cannot judge this project's outputs \(labels\)/],
      [{ kind: "in_top_k", value: "happy", k: 2 }, "body.expectation.value", /not a label/],
    ];
    for (const [expectation, path, message] of cases) {
      const res = await post(tester, { ...sample, expectation });
      expect(res.status, res.text).toBe(422);
      expect(res.json.error?.fields).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
    expect(await patternTableCounts()).toEqual(before);
  });

  it("answers bad bodies with 400/422 field paths, unknown problems with 404, never 500", async () => {
    const before = await patternTableCounts();
    const bad = await post(tester, { name: "", purpose: "sideways", inputKind: "text", input: { text: "x" }, expectation: { kind: "nope" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error?.fields?.map((f) => f.path).sort()).toEqual(["body.expectation.kind", "body.name", "body.purpose"].sort());
    const textInput = await post(tester, { ...sample, inputKind: "text", input: { text: "x" } });
    expect(textInput.json.error?.fields).toEqual([{ path: "body.input", message: "must be a string when inputKind is text" }]);
    const image = await post(tester, { ...sample, inputKind: "image", input: { attachmentId: "cl0000000000000000000000x" } });
    expect(image.json.error?.fields).toEqual([{ path: "body.input.attachmentId", message: expect.stringContaining("no image") }]);
    const badRegex = await post(tester, { ...sample, expectation: { kind: "matches", pattern: "([" } });
    expect(badRegex.json.error?.fields?.[0]?.path).toBe("body.expectation.pattern");
    const malformed = await callRoute(problemPatternsRoute.POST, { method: "POST", params: { problemId }, body: "{not json", headers: { cookie: tester.cookie } });
    expect(malformed.status).toBe(400);
    expect((await post(tester, sample, "cl0000000000000000000000x")).status).toBe(404);
    expect((await post(tester, sample, "not-an-id!")).status).toBe(404);
    expect(await patternTableCounts()).toEqual(before);
  });

  it("accepts the deprecated polarity as an alias of purpose, answers with purpose only, and refuses the two disagreeing (422 at body.polarity)", async () => {
    const { purpose: _purpose, ...withoutPurpose } = sample;
    const aliased = await post(tester, { ...withoutPurpose, name: "Alias control", input: { text: "alias control" }, polarity: "negative" });
    expect(aliased.status, aliased.text).toBe(201);
    expect(aliased.json).toMatchObject({ purpose: "control" });
    expect(aliased.json).not.toHaveProperty("polarity");
    expect((await prisma().pattern.findUniqueOrThrow({ where: { id: aliased.json.id as string } })).purpose).toBe("control");

    const edited = await patch(tester, aliased.json.id as string, { lockVersion: 0, polarity: "positive" });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ purpose: "case", lockVersion: 1 });
    expect(edited.json).not.toHaveProperty("polarity");

    const before = await patternTableCounts();
    const conflict = await post(tester, { ...sample, name: "Conflict", input: { text: "conflict" }, purpose: "case", polarity: "negative" });
    expect(conflict.status).toBe(422);
    expect(conflict.json.error?.fields).toEqual([{ path: "body.polarity", message: expect.stringContaining("deprecated alias of purpose") }]);
    const conflictingEdit = await patch(tester, aliased.json.id as string, { lockVersion: 1, purpose: "control", polarity: "positive", name: "must not be saved" });
    expect(conflictingEdit.status).toBe(422);
    expect(conflictingEdit.json.error?.fields?.map((f) => f.path)).toEqual(["body.polarity"]);
    expect(await prisma().pattern.findUniqueOrThrow({ where: { id: aliased.json.id as string } })).toMatchObject({ name: "Alias control", purpose: "case", lockVersion: 1 });
    expect(await patternTableCounts()).toEqual(before);
  });

  it("refuses stakeholders (403) and read-only tokens (403), writing nothing", async () => {
    const before = await patternTableCounts();
    expect((await post(stakeholder, sample)).status).toBe(403);
    const token = await createTestToken(engineer, ["read"]);
    const res = await callRoute(problemPatternsRoute.POST, { method: "POST", params: { problemId }, body: sample, headers: { authorization: `Bearer ${token.secret}` } });
    expect(res.status).toBe(403);
    expect(await patternTableCounts()).toEqual(before);
  });
});

describe("PATCH /patterns/{patternId}", () => {
  let pattern: PatternJson;
  beforeAll(async () => {
    pattern = (await post(tester, { ...sample, name: "To edit", input: { text: "edit me" } })).json as unknown as PatternJson;
  });

  it("keeps the revision when only notes, name, purpose or origin change", async () => {
    const runsBefore = await prisma().replayRun.count();
    const res = await patch(engineer, pattern.id, { lockVersion: 0, notes: "clarified", name: "To edit (renamed)", purpose: "control" });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ revision: 1, revisionId: pattern.revisionId, newRevision: false, lockVersion: 1, notes: "clarified", name: "To edit (renamed)", purpose: "control" });
    expect(await prisma().patternRevision.count({ where: { patternId: pattern.id } })).toBe(1);
    expect(await prisma().replayRun.count()).toBe(runsBefore);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "pattern.update", entityId: pattern.id }, orderBy: { id: "desc" } });
    // What changed, before → after: the pattern's History reads it from here (no revision keeps it).
    expect(audit.data).toMatchObject({
      newRevision: false,
      changes: { name: { from: "To edit", to: "To edit (renamed)" }, notes: { from: "from a client", to: "clarified" }, purpose: { from: "case", to: "control" } },
    });
    expect(Object.keys((audit.data as { changes: object }).changes).sort()).toEqual(["name", "notes", "purpose"]);
  });

  it("makes revision 2 when the input changes, keeps revision 1, and back-fills the new one", async () => {
    const res = await patch(tester, pattern.id, { lockVersion: 1, input: { text: "edited input" } });
    expect(res.status, res.text).toBe(200);
    const edited = res.json as unknown as PatternJson;
    expect(edited).toMatchObject({ revision: 2, newRevision: true, lockVersion: 2, input: { text: "edited input" }, notes: "clarified" });
    const revisions = await prisma().patternRevision.findMany({ where: { patternId: pattern.id }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => [r.number, r.input])).toEqual([
      [1, { text: "edit me" }],
      [2, { text: "edited input" }],
    ]);
    expect(revisions[1]?.inputHash).toBe(hashJson({ text: "edited input" }));
    expect((await prisma().pattern.findUniqueOrThrow({ where: { id: pattern.id } })).currentRevisionId).toBe(revisions[1]!.id);
    expect(await prisma().replayRunItem.count({ where: { patternRevisionId: revisions[1]!.id } })).toBe(1);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "pattern.update", entityId: pattern.id }, orderBy: { id: "desc" } });
    expect(audit.data).toMatchObject({ newRevision: true, revision: 2 });
  });

  it("makes a new revision when only the expectation changes, and none when the same values are sent again", async () => {
    const res = await patch(tester, pattern.id, { lockVersion: 2, expectation: { kind: "not_equals", value: "positive" } });
    expect(res.json).toMatchObject({ revision: 3, newRevision: true });
    const same = await patch(tester, pattern.id, { lockVersion: 3, expectation: { value: "positive", kind: "not_equals" }, input: { text: "edited input" } });
    expect(same.json).toMatchObject({ revision: 3, newRevision: false, lockVersion: 4 });
  });

  it("answers a stale lockVersion with 409 naming who changed it, with the current pattern, and changes nothing", async () => {
    const before = await prisma().pattern.findUniqueOrThrow({ where: { id: pattern.id } });
    const res = await patch(engineer, pattern.id, { lockVersion: 1, notes: "stale" });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "conflict", message: "Changed by Test tester since you opened it" });
    expect((res.json.error as unknown as { current: PatternJson }).current).toMatchObject({ id: pattern.id, lockVersion: 4, revision: 3, notes: "clarified" });
    expect(await prisma().pattern.findUniqueOrThrow({ where: { id: pattern.id } })).toEqual(before);
  });

  it("validates edits like creation (422), and a missing lockVersion too", async () => {
    expect((await patch(tester, pattern.id, { lockVersion: 4, expectation: { kind: "equals", value: "furious" } })).json.error?.fields?.[0]?.path).toBe("body.expectation.value");
    expect((await patch(tester, pattern.id, { lockVersion: 4, inputKind: "text" })).json.error?.fields).toEqual([{ path: "body.input", message: "must be a string when inputKind is text" }]);
    expect((await patch(tester, pattern.id, { notes: "x" })).json.error?.fields?.[0]?.path).toBe("body.lockVersion");
    expect((await patch(tester, "cl0000000000000000000000x", { lockVersion: 0 })).status).toBe(404);
    expect((await patch(stakeholder, pattern.id, { lockVersion: 4, notes: "x" })).status).toBe(403);
    expect((await prisma().pattern.findUniqueOrThrow({ where: { id: pattern.id } })).lockVersion).toBe(4);
  });

  it("lists revisions newest first with who made them", async () => {
    const res = await callRoute(revisionsRoute.GET, { path: `/api/v1/patterns/${pattern.id}/revisions`, params: { patternId: pattern.id }, headers: { cookie: stakeholder.cookie } });
    expect(res.status).toBe(200);
    const items = res.json.items as { number: number; current: boolean; createdBy: { name: string; email: string }; createdAt: string }[];
    expect(items.map((r) => [r.number, r.current, r.createdBy.name])).toEqual([
      [3, true, "Test tester"],
      [2, false, "Test tester"],
      [1, false, "Test tester"],
    ]);
    const page = await callRoute(revisionsRoute.GET, { path: `/api/v1/patterns/${pattern.id}/revisions?limit=2`, params: { patternId: pattern.id }, headers: { cookie: stakeholder.cookie } });
    expect((page.json.items as unknown[]).length).toBe(2);
    expect(page.json.nextCursor).toBeTruthy();
  });

  it("gives the pattern page a History with the in-place edits between revisions, and a rename made with a new revision inside it", async () => {
    const res = await patch(tester, pattern.id, { lockVersion: 4, name: "To edit (third)", input: { text: "third input" } });
    expect(res.json).toMatchObject({ revision: 4, newRevision: true, name: "To edit (third)" });
    const history = await listPatternHistory(projectId, pattern.id);
    expect(history.map((e) => (e.kind === "revision" ? `revision ${e.revision.number}` : `details on ${e.revisionNumber}`))).toEqual([
      "revision 4",
      "revision 3",
      "revision 2",
      "details on 1",
      "revision 1",
    ]);
    expect(history[0]).toMatchObject({ kind: "revision", details: { name: { from: "To edit (renamed)", to: "To edit (third)" } } });
    // The save that sent the same values again changed nothing and is not listed.
    expect(history[1]).toMatchObject({ kind: "revision", details: {} });
    expect(history[3]).toMatchObject({
      kind: "details",
      by: { name: "Test engineer" },
      changes: { name: { from: "To edit", to: "To edit (renamed)" }, purpose: { from: "case", to: "control" }, notes: { from: "from a client", to: "clarified" } },
    });
  });
});

describe("DELETE /patterns/{patternId} (archive) and the lists", () => {
  it("archives: hidden from the current list, shown with ?archived=include|only, history kept, audited", async () => {
    const created = (await post(tester, { ...sample, name: "To archive", input: { text: "archive me" } })).json as unknown as PatternJson;
    expect((await callRoute(patternRoute.DELETE, { method: "DELETE", params: { patternId: created.id }, headers: { cookie: stakeholder.cookie } })).status).toBe(403);
    const res = await callRoute(patternRoute.DELETE, { method: "DELETE", params: { patternId: created.id }, headers: { cookie: tester.cookie } });
    expect(res.status).toBe(200);
    expect(res.json.archivedAt).toBeTruthy();

    const names = async (query: string) => ((await list(stakeholder, query)).json.items as PatternJson[]).map((p) => p.name);
    expect(await names("")).not.toContain("To archive");
    expect(await names("?archived=only")).toEqual(["To archive"]);
    expect(await names("?archived=include")).toContain("To archive");
    expect((await list(stakeholder, "?archived=sometimes")).status).toBe(400);

    expect(await prisma().patternRevision.count({ where: { patternId: created.id } })).toBe(1);
    expect(await prisma().auditEvent.count({ where: { action: "pattern.archive", entityId: created.id } })).toBe(1);
    const get = await callRoute(patternRoute.GET, { params: { patternId: created.id }, headers: { cookie: stakeholder.cookie } });
    expect(get.json).toMatchObject({ id: created.id, revision: 1 });
    expect((await patch(tester, created.id, { lockVersion: 1, notes: "x" })).status).toBe(409);
  });

  it("paginates with cursor and limit", async () => {
    const all = (await list(stakeholder, "?limit=200")).json.items as PatternJson[];
    const first = await list(stakeholder, "?limit=2");
    expect((first.json.items as PatternJson[]).map((p) => p.id)).toEqual(all.slice(0, 2).map((p) => p.id));
    const second = await list(stakeholder, `?limit=2&cursor=${first.json.nextCursor as string}`);
    expect((second.json.items as PatternJson[]).map((p) => p.id)).toEqual(all.slice(2, 4).map((p) => p.id));
    expect((await list(stakeholder, "", "cl0000000000000000000000x")).status).toBe(404);
  });
});
