import { beforeAll, describe, expect, it } from "vitest";
import { GET as listCaptures, POST as createCapture } from "@/app/api/v1/projects/[projectId]/captures/route";
import { POST as triage } from "@/app/api/v1/captures/[captureId]/triage/route";
import { POST as dismiss } from "@/app/api/v1/captures/[captureId]/dismiss/route";
import { prisma } from "@/lib/db/prisma";
import { callRoute } from "@/lib/testing/call-route";
import { createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";
import { hashJson } from "@/lib/scoring/canonical-json";

let tester: TestUser;
let stakeholder: TestUser;
let projectId: string;
let problemId: string;
let otherProblemId: string;

beforeAll(async () => {
  // One at a time: parallel sign-ups confuse sign-in on the embedded PostgreSQL.
  tester = await createTestUser("tester");
  stakeholder = await createTestUser("stakeholder");
  const project = await prisma().project.create({
    data: { slug: "sentiment", name: "Sentiment", outputKind: "label", keyPrefix: "SENT", labels: ["positive", "negative"], inputSchema: { type: "object", required: ["text"], properties: { text: { type: "string" } } } },
  });
  projectId = project.id;
  problemId = (await prisma().problem.create({ data: { projectId, number: 1, key: "SENT-1", title: "Sarcasm", severity: "high", target: 0.2 } })).id;
  const other = await prisma().project.create({ data: { slug: "other", name: "Other", outputKind: "number", keyPrefix: "OTH" } });
  otherProblemId = (await prisma().problem.create({ data: { projectId: other.id, number: 1, key: "OTH-1", title: "x", severity: "low", target: 0.5 } })).id;
});

const capture = (headers: Record<string, string>, body: unknown, id = projectId) =>
  callRoute(createCapture, { method: "POST", path: `/api/v1/projects/${id}/captures`, params: { projectId: id }, body, headers });
const triageAs = (user: TestUser, captureId: string, body: unknown) =>
  callRoute(triage, { method: "POST", params: { captureId }, body, headers: { cookie: user.cookie } });

describe("POST /api/v1/projects/{projectId}/captures", () => {
  it("accepts a capture-scoped token and records the capture in the inbox", async () => {
    const token = await createTestToken(tester, ["capture"]);
    const res = await capture({ authorization: `Bearer ${token.secret}` }, { input: { text: "Great, it broke again" }, output: "positive", metadata: { requestId: "r-1" } });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ status: "inbox", input: { text: "Great, it broke again" }, output: "positive", metadata: { requestId: "r-1" }, createdById: tester.id });
    const audit = await prisma().auditEvent.findFirst({ where: { action: "capture.create", entityId: res.json.id as string } });
    expect(audit?.tokenId).toBe(token.id);
  });

  it("refuses a read-only token (403) and anonymous callers (401)", async () => {
    const token = await createTestToken(tester, ["read"]);
    expect((await capture({ authorization: `Bearer ${token.secret}` }, { input: { text: "x" } })).status).toBe(403);
    expect((await capture({}, { input: { text: "x" } })).status).toBe(401);
  });

  it("refuses bad bodies: missing input, non-object metadata, malformed JSON, > 1 MB; nothing stored", async () => {
    const before = await prisma().capture.count();
    const headers = { cookie: tester.cookie };
    const missing = await capture(headers, { output: "positive" });
    expect(missing.status).toBe(422);
    expect(missing.json.error?.fields?.[0]?.path).toBe("body.input");
    expect((await capture(headers, { input: "x", metadata: [1, 2] })).status).toBe(422);
    expect((await capture(headers, "{oops")).status).toBe(400);
    const huge = await capture(headers, { input: { text: "z".repeat(1_000_001) } });
    expect(huge.status).toBe(413);
    expect(huge.json.error?.code).toBe("payload_too_large");
    expect((await capture(headers, { input: "x" }, "cl0000000000000000000000x")).status).toBe(404);
    expect(await prisma().capture.count()).toBe(before);
  });
});

describe("GET /api/v1/projects/{projectId}/captures", () => {
  it("lists the inbox for anyone who can read patterns, newest first, filtered by status", async () => {
    await capture({ cookie: tester.cookie }, { input: { text: "second" } });
    const res = await callRoute(listCaptures, { path: `/api/v1/projects/${projectId}/captures`, params: { projectId }, headers: { cookie: stakeholder.cookie } });
    expect(res.status).toBe(200);
    expect((res.json.items as { input: { text: string } }[]).map((c) => c.input.text)).toEqual(["second", "Great, it broke again"]);
    const dismissed = await callRoute(listCaptures, { path: `/api/v1/projects/${projectId}/captures?status=dismissed`, params: { projectId }, headers: { cookie: stakeholder.cookie } });
    expect(dismissed.json.items).toEqual([]);
    const bad = await callRoute(listCaptures, { path: `/api/v1/projects/${projectId}/captures?status=lost`, params: { projectId }, headers: { cookie: stakeholder.cookie } });
    expect(bad.status).toBe(400);
  });
});

describe("POST /api/v1/captures/{captureId}/triage and /dismiss", () => {
  it("turns a capture into a production pattern (revision 1, input hash) and marks it triaged, once", async () => {
    const captured = await prisma().capture.findFirstOrThrow({ where: { projectId, status: "inbox" }, orderBy: { createdAt: "asc" } });
    const res = await triageAs(tester, captured.id, { problemId, name: "broke again", purpose: "case", expectation: { kind: "equals", value: "negative" } });
    expect(res.status, res.text).toBe(201);
    const pattern = await prisma().pattern.findUniqueOrThrow({ where: { id: (res.json.pattern as { id: string }).id }, include: { currentRevision: true } });
    expect(pattern).toMatchObject({ problemId, origin: "production", purpose: "case", name: "broke again" });
    expect(pattern.currentRevision).toMatchObject({ number: 1, inputKind: "json", input: { text: "Great, it broke again" }, inputHash: hashJson({ text: "Great, it broke again" }) });
    expect(await prisma().capture.findUniqueOrThrow({ where: { id: captured.id } })).toMatchObject({ status: "triaged", patternId: pattern.id, triagedById: tester.id });
    expect(await prisma().auditEvent.count({ where: { action: "capture.triage", entityId: captured.id } })).toBe(1);

    const again = await triageAs(tester, captured.id, { problemId, name: "twice", purpose: "case", expectation: { kind: "equals", value: "negative" } });
    expect(again.status).toBe(409);
    expect(await prisma().pattern.count({ where: { problemId } })).toBe(1);
  });

  it("refuses a problem of another project and bad fields, leaving the capture in the inbox", async () => {
    const captured = await prisma().capture.findFirstOrThrow({ where: { projectId, status: "inbox" } });
    const foreign = await triageAs(tester, captured.id, { problemId: otherProblemId, name: "x", purpose: "case", expectation: { kind: "equals", value: "negative" } });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error?.fields?.[0]?.path).toBe("body.problemId");
    const badExpectation = await triageAs(tester, captured.id, { problemId, name: "x", purpose: "sideways", expectation: { kind: "roughly" } });
    expect(badExpectation.status).toBe(422);
    expect(badExpectation.json.error!.fields!.map((f) => f.path)).toEqual(expect.arrayContaining(["body.purpose", "body.expectation.kind"]));
    expect((await prisma().capture.findUniqueOrThrow({ where: { id: captured.id } })).status).toBe("inbox");
    expect(await prisma().pattern.count({ where: { problemId } })).toBe(1);
  });

  it("refuses a stakeholder (403) and answers 404 for an unknown capture", async () => {
    const captured = await prisma().capture.findFirstOrThrow({ where: { projectId, status: "inbox" } });
    expect((await triageAs(stakeholder, captured.id, { problemId, name: "x", purpose: "case", expectation: { kind: "human" } })).status).toBe(403);
    expect((await triageAs(tester, "cl0000000000000000000000x", { problemId, name: "x", purpose: "case", expectation: { kind: "human" } })).status).toBe(404);
  });

  it("dismisses once (then 409) and records it", async () => {
    const captured = await prisma().capture.findFirstOrThrow({ where: { projectId, status: "inbox" } });
    const res = await callRoute(dismiss, { method: "POST", params: { captureId: captured.id }, headers: { cookie: tester.cookie } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: "dismissed", triagedById: tester.id });
    expect((await callRoute(dismiss, { method: "POST", params: { captureId: captured.id }, headers: { cookie: tester.cookie } })).status).toBe(409);
    expect(await prisma().auditEvent.count({ where: { action: "capture.dismiss", entityId: captured.id } })).toBe(1);
  });
});

describe("what users said: rating, note, metadata", () => {
  it("refuses unknown top-level fields with 422 naming each, and stores nothing", async () => {
    const before = await prisma().capture.count();
    const res = await capture({ cookie: tester.cookie }, { input: { text: "meh" }, rating: 2, notes: "plural", stars: 5 });
    expect(res.status).toBe(422);
    expect(res.json.error!.fields!.map((f) => f.path).sort()).toEqual(["body.notes", "body.stars"]);
    expect((await capture({ cookie: tester.cookie }, { input: "x", rating: "five" })).json.error!.fields!.map((f) => f.path)).toEqual(["body.rating"]);
    expect(await prisma().capture.count()).toBe(before);
  });

  it("stores rating and note as fields, and triage copies note, rating and metadata into the pattern's notes", async () => {
    const sent = await capture({ cookie: tester.cookie }, { input: { text: "Lovely, another outage" }, output: "positive", rating: 1, note: "the user says this is sarcasm", metadata: { requestId: "r-42", region: "eu" } });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.json).toMatchObject({ rating: 1, note: "the user says this is sarcasm", metadata: { requestId: "r-42", region: "eu" } });
    expect(await prisma().capture.findUniqueOrThrow({ where: { id: sent.json.id as string } })).toMatchObject({ rating: 1, note: "the user says this is sarcasm" });
    const listed = await callRoute(listCaptures, { params: { projectId }, headers: { cookie: tester.cookie } });
    expect((listed.json.items as { id: string; rating: number | null }[]).find((c) => c.id === sent.json.id)).toMatchObject({ rating: 1, note: "the user says this is sarcasm" });

    const res = await triageAs(tester, sent.json.id as string, { problemId, name: "outage sarcasm", purpose: "case", expectation: { kind: "equals", value: "negative" }, notes: "Seen twice this week." });
    expect(res.status, res.text).toBe(201);
    const pattern = await prisma().pattern.findUniqueOrThrow({ where: { id: (res.json.pattern as { id: string }).id } });
    const [head, metadata] = pattern.notes.split("\nMetadata: ");
    expect(head).toBe(`Seen twice this week.\n\nFrom production capture ${sent.json.id as string} (${sent.json.createdAt as string}):\nNote: the user says this is sarcasm\nRating: 1`);
    expect(JSON.parse(metadata!)).toEqual({ requestId: "r-42", region: "eu" });
  });
});
