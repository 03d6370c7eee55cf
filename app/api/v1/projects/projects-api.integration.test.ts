import { beforeAll, describe, expect, it } from "vitest";
import { GET as listProjects, POST as createProject } from "@/app/api/v1/projects/route";
import { GET as getProject, PATCH as patchProject } from "@/app/api/v1/projects/[projectId]/route";
import { prisma } from "@/lib/db/prisma";
import { callRoute } from "@/lib/testing/call-route";
import { createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";

let engineer: TestUser;
let admin: TestUser;
let stakeholder: TestUser;

beforeAll(async () => {
  // One at a time: parallel sign-ups confuse sign-in on the embedded PostgreSQL.
  engineer = await createTestUser("engineer");
  admin = await createTestUser("admin");
  stakeholder = await createTestUser("stakeholder");
});

const as = (user: TestUser) => ({ cookie: user.cookie });
const post = (user: TestUser, body: unknown) => callRoute(createProject, { method: "POST", path: "/api/v1/projects", body, headers: as(user) });
const patch = (user: TestUser, projectId: string, body: unknown) =>
  callRoute(patchProject, { method: "PATCH", path: `/api/v1/projects/${projectId}`, params: { projectId }, body, headers: as(user) });

describe("POST /api/v1/projects", () => {
  it("creates a project with a key prefix from its name and records it", async () => {
    const res = await post(engineer, { name: "Dog breed classifier", slug: "dog-breeds", outputKind: "label", labels: ["chihuahua", "muffin"] });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ name: "Dog breed classifier", slug: "dog-breeds", outputKind: "label", keyPrefix: "DBC", labels: ["chihuahua", "muffin"], inputSchema: null, lockVersion: 0, description: "" });
    const audit = await prisma().auditEvent.findFirst({ where: { action: "project.create", entityId: res.json.id as string } });
    expect(audit?.actorId).toBe(engineer.id);
  });

  it("accepts an explicit key prefix and an input schema", async () => {
    const inputSchema = { type: "object", required: ["text"], properties: { text: { type: "string" } } };
    const res = await post(admin, { name: "Sentiment", slug: "sentiment", outputKind: "label", labels: ["positive"], keyPrefix: "SENT", inputSchema });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ keyPrefix: "SENT", inputSchema });
  });

  it("answers 409 for a slug that is taken, and changes nothing", async () => {
    const before = await prisma().project.count();
    const res = await post(engineer, { name: "Other", slug: "dog-breeds", outputKind: "number" });
    expect(res.status).toBe(409);
    expect(res.json.error?.code).toBe("conflict");
    expect(await prisma().project.count()).toBe(before);
  });

  it("answers 422 with field paths for bad fields", async () => {
    const res = await post(engineer, { name: "", slug: "Not Kebab", outputKind: "image", keyPrefix: "s1", labels: ["a", "a"], inputSchema: { type: "object", pattern: "x" } });
    expect(res.status).toBe(422);
    const paths = res.json.error!.fields!.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["body.name", "body.slug", "body.outputKind", "body.keyPrefix", "body.labels", "body.inputSchema.pattern"]));
  });

  it("answers 422 at body.labels for a label project without labels, and writes nothing", async () => {
    const before = await prisma().project.count();
    for (const labels of [undefined, []]) {
      const res = await post(engineer, { name: "No labels", slug: "no-labels", outputKind: "label", ...(labels ? { labels } : {}) });
      expect(res.status, res.text).toBe(422);
      expect(res.json.error?.fields).toEqual([{ path: "body.labels", message: "are required for a label project: list the labels the model answers with" }]);
    }
    expect(await prisma().project.count()).toBe(before);
  });

  it("answers 400 for malformed JSON, 413 for an oversize body, and reserves the slug 'new'", async () => {
    const malformed = await post(engineer, "{ not json");
    expect(malformed.status).toBe(400);
    const huge = await post(engineer, { name: "x", slug: "huge", outputKind: "text", description: "x".repeat(1_100_000) });
    expect(huge.status).toBe(413);
    const reserved = await post(engineer, { name: "New", slug: "new", outputKind: "text" });
    expect(reserved.status).toBe(422);
  });

  it("refuses a stakeholder (403)", async () => {
    expect((await post(stakeholder, { name: "S", slug: "s-project", outputKind: "text" })).status).toBe(403);
  });
});

describe("GET /api/v1/projects", () => {
  it("pages through projects by name", async () => {
    const first = await callRoute(listProjects, { path: "/api/v1/projects?limit=1", headers: as(stakeholder) });
    expect(first.status).toBe(200);
    expect((first.json.items as { slug: string }[]).map((p) => p.slug)).toEqual(["dog-breeds"]);
    const second = await callRoute(listProjects, { path: `/api/v1/projects?limit=1&cursor=${first.json.nextCursor}`, headers: as(stakeholder) });
    expect((second.json.items as { slug: string }[]).map((p) => p.slug)).toEqual(["sentiment"]);
    expect(second.json.nextCursor).toBeNull();
  });

  it("works with a read token", async () => {
    const token = await createTestToken(stakeholder, ["read"]);
    const res = await callRoute(listProjects, { path: "/api/v1/projects", headers: { authorization: `Bearer ${token.secret}` } });
    expect(res.status).toBe(200);
  });
});

describe("GET/PATCH /api/v1/projects/{projectId}", () => {
  it("edits with the current lockVersion, records the changes, and 409s a stale one with the current project", async () => {
    const project = await prisma().project.findUniqueOrThrow({ where: { slug: "sentiment" } });
    const got = await callRoute(getProject, { params: { projectId: project.id }, headers: as(stakeholder) });
    expect(got.json).toMatchObject({ slug: "sentiment", lockVersion: 0, problemCount: 0 });

    const ok = await patch(engineer, project.id, { lockVersion: 0, description: "Reviews → positive/negative", labels: ["positive", "negative"] });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ description: "Reviews → positive/negative", labels: ["positive", "negative"], lockVersion: 1 });

    const stale = await patch(admin, project.id, { lockVersion: 0, description: "mine" });
    expect(stale.status).toBe(409);
    expect(stale.json.error?.message).toMatch(/^Changed by Test engineer since you opened it/);
    expect((stale.json.error as { current?: { description: string; lockVersion: number } }).current).toMatchObject({ description: "Reviews → positive/negative", lockVersion: 1 });
    expect((await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).description).toBe("Reviews → positive/negative");

    const audit = await prisma().auditEvent.findFirst({ where: { action: "project.update", entityId: project.id } });
    expect(audit?.data).toMatchObject({ changes: { labels: { from: ["positive"], to: ["positive", "negative"] } } });
  });

  it("removes the input schema with null, and 409s a slug taken by another project", async () => {
    const project = await prisma().project.findUniqueOrThrow({ where: { slug: "sentiment" } });
    const cleared = await patch(engineer, project.id, { lockVersion: 1, inputSchema: null });
    expect(cleared.json).toMatchObject({ inputSchema: null, lockVersion: 2 });
    const taken = await patch(engineer, project.id, { lockVersion: 2, slug: "dog-breeds" });
    expect(taken.status).toBe(409);
  });

  it("sets the significance level (default 0.05) and answers 422 at body.alpha outside (0, 0.5]", async () => {
    const project = await prisma().project.findUniqueOrThrow({ where: { slug: "sentiment" } });
    expect(project.alpha).toBe(0.05);
    for (const alpha of [0, -0.1, 0.6, "0.01"]) {
      const bad = await patch(engineer, project.id, { lockVersion: 2, alpha });
      expect(bad.status, String(alpha)).toBe(422);
      expect(bad.json.error?.fields?.map((f) => f.path)).toEqual(["body.alpha"]);
    }
    const ok = await patch(engineer, project.id, { lockVersion: 2, alpha: 0.01 });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ alpha: 0.01, lockVersion: 3 });
    expect((await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).alpha).toBe(0.01);
    const audit = await prisma().auditEvent.findFirst({ where: { action: "project.update", entityId: project.id }, orderBy: { id: "desc" } });
    expect(audit?.data).toMatchObject({ changes: { alpha: { from: 0.05, to: 0.01 } } });
  });

  it("refuses to leave a label project without labels (422 at body.labels), but lets one that predates the rule change other fields", async () => {
    const numbers = (await post(engineer, { name: "Numbers", slug: "numbers", outputKind: "number" })).json as { id: string };
    const toLabel = await patch(engineer, numbers.id, { lockVersion: 0, outputKind: "label" });
    expect(toLabel.status, toLabel.text).toBe(422);
    expect(toLabel.json.error?.fields?.map((f) => f.path)).toEqual(["body.labels"]);
    const sentiment = await prisma().project.findUniqueOrThrow({ where: { slug: "sentiment" } });
    const emptied = await patch(engineer, sentiment.id, { lockVersion: sentiment.lockVersion, labels: [] });
    expect(emptied.status, emptied.text).toBe(422);
    expect(emptied.json.error?.fields?.map((f) => f.path)).toEqual(["body.labels"]);
    expect((await prisma().project.findUniqueOrThrow({ where: { id: sentiment.id } })).labels).toEqual(sentiment.labels);
    expect((await prisma().project.findUniqueOrThrow({ where: { id: numbers.id } })).outputKind).toBe("number");

    const legacy = await prisma().project.create({ data: { slug: "legacy-labels", name: "Legacy", outputKind: "label", keyPrefix: "LEG" } });
    const renamed = await patch(engineer, legacy.id, { lockVersion: 0, name: "Legacy, renamed" });
    expect(renamed.status, renamed.text).toBe(200);
    const withLabels = await patch(engineer, legacy.id, { lockVersion: 1, labels: ["yes", "no"] });
    expect(withLabels.json).toMatchObject({ labels: ["yes", "no"], lockVersion: 2 });
  });

  it("answers 404 for an unknown or malformed id and 422 without a lockVersion", async () => {
    expect((await callRoute(getProject, { params: { projectId: "cl0000000000000000000000x" }, headers: as(engineer) })).status).toBe(404);
    expect((await callRoute(getProject, { params: { projectId: "../etc" }, headers: as(engineer) })).status).toBe(404);
    const project = await prisma().project.findUniqueOrThrow({ where: { slug: "sentiment" } });
    const res = await patch(engineer, project.id, { name: "No version" });
    expect(res.status).toBe(422);
    expect(res.json.error?.fields?.[0]?.path).toBe("body.lockVersion");
  });
});
