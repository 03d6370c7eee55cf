import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/projects/[projectId]/patterns/export/route";
import * as importRoute from "@/app/api/v1/projects/[projectId]/patterns/import/route";
import * as uploadRoute from "@/app/api/v1/projects/[projectId]/attachments/route";
import * as problemPatternsRoute from "@/app/api/v1/problems/[problemId]/patterns/route";
import * as patternRoute from "@/app/api/v1/patterns/[patternId]/route";
import type { RouteContext } from "@/lib/api/api-route";
import { prisma } from "@/lib/db/prisma";
import { createTestModelVersion, createTestProject, patternTableCounts } from "@/lib/patterns/pattern-test-fixtures";
import { callRoute } from "@/lib/testing/call-route";
import { createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";

let tester: TestUser;
let stakeholder: TestUser;
let projectId: string;

type ImportJson = {
  rows?: { row: number; ok: boolean; problem: string; name: string; errors: { path: string; message: string }[]; warnings: string[] }[];
  valid?: number;
  invalid?: number;
  imported?: number;
  error?: { code: string; message: string; fields?: { path: string; message: string }[] };
};

async function importFile(auth: Record<string, string>, body: string | Uint8Array, contentType: string, query = "", id = projectId) {
  const request = new Request(`http://localhost:3000/api/v1/projects/${id}/patterns/import${query}`, { method: "POST", headers: { ...auth, origin: "http://localhost:3000", "content-type": contentType }, body: body as BodyInit });
  const response = await importRoute.POST(request, { params: Promise.resolve({ projectId: id }) } as RouteContext);
  return { status: response.status, json: (await response.json()) as ImportJson };
}

async function exportFile(auth: Record<string, string>, id = projectId) {
  const response = await exportRoute.GET(new Request(`http://localhost:3000/api/v1/projects/${id}/patterns/export`, { headers: auth }), { params: Promise.resolve({ projectId: id }) } as RouteContext);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const cookie = (user: TestUser) => ({ cookie: user.cookie });

const goodCsv = [
  "problem,name,purpose,origin,input,input_kind,expect_kind,expect_value,notes",
  `SENT-1,Zipper,case,production,"{""text"": ""Oh great, it broke""}",json,equals,negative,`,
  `SENT-1,Kettle,case,production,"Just what I needed, a leaking kettle",text,equals,negative,sarcasm`,
  `SENT-2,Not bad,control,contrived,"{""text"": ""not bad""}",json,not_equals,negative,`,
].join("\n");

beforeAll(async () => {
  tester = await createTestUser("tester");
  stakeholder = await createTestUser("stakeholder");
  projectId = (await createTestProject()).project.id;
  await createTestModelVersion(projectId);
});

describe("POST /projects/{projectId}/patterns/import", () => {
  it("previews every row with ?dryRun=true and writes nothing", async () => {
    const before = await patternTableCounts();
    const bad = goodCsv + "\n" + `SENT-9,Unknown problem,case,contrived,"{}",json,equals,angry,` + "\n" + `SENT-1,Ragged,positive`;
    const res = await importFile(cookie(tester), bad, "text/csv", "?dryRun=true");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ valid: 3, invalid: 2 });
    expect(res.json.rows?.map((r) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, true],
      [4, true],
      [5, false],
      [6, false],
    ]);
    expect(res.json.rows?.[3]?.errors).toEqual([
      { path: "row 5: problem", message: "no problem SENT-9 in this project" },
      { path: "row 5: expectation.value", message: expect.stringContaining('not a label of this project: "angry"') },
    ]);
    expect(res.json.rows?.[4]?.errors[0]?.path).toBe("row 6");
    expect(await patternTableCounts()).toEqual(before);
  });

  it("imports nothing when one row is bad: 422 naming the row and field", async () => {
    const before = await patternTableCounts();
    const bad = goodCsv + "\n" + `SENT-2,Bad JSON,case,contrived,{oops},json,equals,negative,`;
    const res = await importFile(cookie(tester), bad, "text/csv");
    expect(res.status).toBe(422);
    expect(res.json.error?.message).toMatch(/1 of 4 rows are invalid.*nothing was imported/);
    expect(res.json.error?.fields).toEqual([{ path: "row 5: input", message: expect.stringContaining("not valid JSON") }]);
    expect(await patternTableCounts()).toEqual(before);
  });

  it("imports a valid CSV in one go: patterns with revision 1, one audit event with the count, one back-fill", async () => {
    const runsBefore = await prisma().replayRun.count();
    const res = await importFile(cookie(tester), goodCsv, "text/csv; charset=utf-8");
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json.imported).toBe(3);
    const patterns = await prisma().pattern.findMany({ where: { projectId }, include: { currentRevision: true, problem: true }, orderBy: { createdAt: "asc" } });
    expect(patterns.map((p) => [p.problem.key, p.name, p.currentRevision?.inputKind, p.currentRevision?.input, p.currentRevision?.expectation])).toEqual([
      ["SENT-1", "Zipper", "json", { text: "Oh great, it broke" }, { kind: "equals", value: "negative" }],
      ["SENT-1", "Kettle", "text", "Just what I needed, a leaking kettle", { kind: "equals", value: "negative" }],
      ["SENT-2", "Not bad", "json", { text: "not bad" }, { kind: "not_equals", value: "negative" }],
    ]);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: "pattern.import", projectId } });
    expect(audit.data).toMatchObject({ count: 3, format: "csv" });
    expect(await prisma().replayRun.count()).toBe(runsBefore + 1);
    const run = await prisma().replayRun.findFirstOrThrow({ orderBy: { createdAt: "desc" }, include: { items: true } });
    expect(run.items).toHaveLength(3);
  });

  it("warns in the preview about inputs the problem already has", async () => {
    const res = await importFile(cookie(tester), goodCsv, "text/csv", "?dryRun=1");
    expect(res.json.rows?.[0]?.warnings).toEqual([expect.stringContaining("same input as pattern “Zipper” of SENT-1")]);
  });

  it("reads JSONL and a CSV with a byte-order mark; refuses invalid UTF-8, unknown content types, over 5 MB, empty files", async () => {
    const before = await patternTableCounts();
    const jsonl = '{"problem":"SENT-1","name":"J","input":{"text":"j"},"expectation":{"kind":"human"}}\n';
    expect((await importFile(cookie(tester), jsonl, "application/x-ndjson", "?dryRun=true")).json.valid).toBe(1);
    expect((await importFile(cookie(tester), jsonl, "application/jsonl", "?dryRun=true")).json.valid).toBe(1);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(goodCsv)]);
    expect((await importFile(cookie(tester), bom, "text/csv", "?dryRun=true")).json.valid).toBe(3);

    const latin1 = new Uint8Array([...new TextEncoder().encode("problem,name,input,expect_kind\nSENT-1,caf"), 0xe9, ...new TextEncoder().encode(',"{}",human\n')]);
    const encoding = await importFile(cookie(tester), latin1, "text/csv");
    expect(encoding.status).toBe(400);
    expect(encoding.json.error?.message).toMatch(/not valid UTF-8.*line 2/);
    expect((await importFile(cookie(tester), goodCsv, "text/plain")).status).toBe(400);
    expect((await importFile(cookie(tester), goodCsv, "text/plain", "?format=csv&dryRun=true")).json.valid).toBe(3);
    expect((await importFile(cookie(tester), "x".repeat(5 * 1024 * 1024 + 1), "text/csv")).status).toBe(413);
    expect((await importFile(cookie(tester), "problem,name,input,expectation\n", "text/csv")).status).toBe(422);
    expect((await importFile(cookie(tester), "problem,title\n", "text/csv")).json.error?.fields?.[0]?.path).toBe("header: title");
    expect((await importFile(cookie(tester), "\n", "application/x-ndjson")).status).toBe(422);
    expect((await importFile(cookie(tester), jsonl, "application/x-ndjson", "", "cl0000000000000000000000x")).status).toBe(404);
    expect(await patternTableCounts()).toEqual(before);
  });

  it("refuses stakeholders and read-scoped tokens (403); a read token can export", async () => {
    const before = await patternTableCounts();
    expect((await importFile(cookie(stakeholder), goodCsv, "text/csv")).status).toBe(403);
    const readToken = await createTestToken(tester, ["read"]);
    const auth = { authorization: `Bearer ${readToken.secret}` };
    expect((await importFile(auth, goodCsv, "text/csv")).status).toBe(403);
    expect(await patternTableCounts()).toEqual(before);
    const exported = await exportFile(auth);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("application/x-ndjson");
    expect(exported.text.trim().split("\n")).toHaveLength(3);
  });

  it("reads the deprecated polarity column and key as purpose, refuses them disagreeing with purpose at the row's field, and exports purpose only", async () => {
    const csv = [
      "problem,name,polarity,origin,input,input_kind,expect_kind,expect_value,notes",
      `SENT-1,Legacy case,positive,contrived,"{""text"": ""legacy case""}",json,equals,negative,`,
      `SENT-2,Legacy control,negative,contrived,"{""text"": ""legacy control""}",json,not_equals,negative,`,
    ].join("\n");
    const own = (await createTestProject()).project.id;
    const before = await patternTableCounts();
    const conflicting = [
      JSON.stringify({ problem: "SENT-1", name: "Agrees", purpose: "control", polarity: "negative", input: { text: "agrees" }, expectation: { kind: "human" } }),
      JSON.stringify({ problem: "SENT-1", name: "Disagrees", purpose: "case", polarity: "negative", input: { text: "disagrees" }, expectation: { kind: "human" } }),
    ].join("\n");
    const refused = await importFile(cookie(tester), conflicting, "application/x-ndjson", "", own);
    expect(refused.status).toBe(422);
    expect(refused.json.error?.fields).toEqual([{ path: "row 2: polarity", message: expect.stringContaining("deprecated alias of purpose") }]);
    expect(await patternTableCounts()).toEqual(before);

    const res = await importFile(cookie(tester), csv, "text/csv", "", own);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const jsonl = JSON.stringify({ problem: "SENT-1", name: "Legacy JSONL", polarity: "negative", input: { text: "legacy jsonl" }, expectation: { kind: "human" } });
    expect((await importFile(cookie(tester), jsonl, "application/x-ndjson", "", own)).status).toBe(201);
    const legacy = await prisma().pattern.findMany({ where: { projectId: own }, orderBy: { name: "asc" } });
    expect(legacy.map((p) => [p.name, p.purpose])).toEqual([
      ["Legacy JSONL", "control"],
      ["Legacy case", "case"],
      ["Legacy control", "control"],
    ]);
    const exported = (await exportFile(cookie(tester), own)).text.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(exported.map((r) => [r.name, r.purpose, "polarity" in r]).sort()).toEqual([
      ["Legacy JSONL", "control", false],
      ["Legacy case", "case", false],
      ["Legacy control", "control", false],
    ]);
  });
});

describe("GET /projects/{projectId}/patterns/export", () => {
  it("round-trips: export → import into an empty project with the same problem keys → the same export", async () => {
    // Every input and expectation shape, an edited and an archived pattern, and an image.
    const problemId = (await prisma().problem.findFirstOrThrow({ where: { projectId, key: "SENT-2" } })).id;
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: "green" } }).png().toBuffer();
    const uploaded = await uploadRoute.POST(
      new Request("http://localhost/x", { method: "POST", headers: { cookie: tester.cookie, origin: "http://localhost", "content-type": "image/png" }, body: png as BodyInit }),
      { params: Promise.resolve({ projectId }) } as RouteContext,
    );
    const attachmentId = ((await uploaded.json()) as { id: string }).id;
    const create = (body: unknown) => callRoute(problemPatternsRoute.POST, { method: "POST", params: { problemId }, body, headers: { cookie: tester.cookie } });
    await create({ name: "Image", inputKind: "image", input: { attachmentId }, expectation: { kind: "one_of", values: ["negative", "neutral"] }, notes: "émoji 🙃, \"quotes\"\nand a newline" });
    const edited = await create({ name: "Edited", input: { text: "v1", meta: { lang: "es", n: [1, 2.5] } }, expectation: { kind: "in_top_k", value: "negative", k: 2 } });
    await callRoute(patternRoute.PATCH, { method: "PATCH", params: { patternId: edited.json.id as string }, body: { lockVersion: 0, input: { text: "v2" } }, headers: { cookie: tester.cookie } });
    const archived = await create({ name: "Archived", input: { text: "gone" }, expectation: { kind: "human" } });
    await callRoute(patternRoute.DELETE, { method: "DELETE", params: { patternId: archived.json.id as string }, headers: { cookie: tester.cookie } });

    const first = await exportFile(cookie(stakeholder));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toMatch(/attachment; filename=".*-patterns.jsonl"/);
    const lines = first.text.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.name)).toEqual(["Zipper", "Kettle", "Not bad", "Image", "Edited"]);
    expect(lines[4]).toMatchObject({ input: { text: "v2" } });

    const target = (await createTestProject()).project.id;
    await uploadRoute.POST(
      new Request("http://localhost/x", { method: "POST", headers: { cookie: tester.cookie, origin: "http://localhost", "content-type": "image/png" }, body: png as BodyInit }),
      { params: Promise.resolve({ projectId: target }) } as RouteContext,
    );
    const imported = await importFile(cookie(tester), first.text, "application/x-ndjson", "", target);
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    expect(imported.json.imported).toBe(5);

    const second = await exportFile(cookie(stakeholder), target);
    const targetAttachment = await prisma().attachment.findFirstOrThrow({ where: { projectId: target } });
    // Identical except the image's id, which is the target project's own copy of the same bytes.
    expect(second.text).toBe(first.text.replace(attachmentId, targetAttachment.id));
  });

  it("answers 404 for an unknown project", async () => {
    expect((await exportFile(cookie(stakeholder), "cl0000000000000000000000x")).status).toBe(404);
  });
});

describe("the example files in public/examples", () => {
  it("import cleanly into a project with the demo's problem keys and labels", async () => {
    const { readFile } = await import("node:fs/promises");
    const target = (await createTestProject({ problemKeys: 5 })).project.id;
    const csv = await readFile("public/examples/patterns-example.csv");
    const jsonl = await readFile("public/examples/patterns-example.jsonl");
    const fromCsv = await importFile(cookie(tester), new Uint8Array(csv), "text/csv", "?dryRun=true", target);
    expect(fromCsv.json.rows?.filter((r) => !r.ok)).toEqual([]);
    expect(fromCsv.json.valid).toBe(6);
    const fromJsonl = await importFile(cookie(tester), new Uint8Array(jsonl), "application/x-ndjson", "", target);
    // (PostgreSQL's jsonb orders object keys its own way, so the lines are compared as values.)
    expect(fromJsonl.status, JSON.stringify(fromJsonl.json)).toBe(201);
    const exported = (await exportFile(cookie(tester), target)).text;
    const parse = (text: string) => text.trim().split("\n").map((line) => JSON.parse(line) as unknown);
    expect(parse(exported)).toEqual(parse(jsonl.toString("utf8")));
    const csvTarget = (await createTestProject({ problemKeys: 5 })).project.id;
    expect((await importFile(cookie(tester), new Uint8Array(csv), "text/csv", "", csvTarget)).status).toBe(201);
    expect(parse((await exportFile(cookie(tester), csvTarget)).text)).toEqual(parse(exported));
  });
});
