import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as artifactRoute from "@/app/api/v1/models/[modelId]/artifact/route";
import * as modelRoute from "@/app/api/v1/models/[modelId]/route";
import * as testConnectionRoute from "@/app/api/v1/models/[modelId]/test-connection/route";
import * as modelsRoute from "@/app/api/v1/projects/[projectId]/models/route";
import { onnxWorkerPool } from "@/lib/connectors/onnx/onnx-worker-pool";
import { prisma } from "@/lib/db/prisma";
import { hashJson } from "@/lib/scoring/canonical-json";
import { callRoute } from "@/lib/testing/call-route";
import { startModelServer, type ModelServer } from "@/lib/testing/model-servers/start-model-server";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";

// The model version registry through its real route handlers, real sessions
// and the real database: rows are asserted, not mock calls.

let engineer: TestUser;
let stakeholder: TestUser;
let projectId: string;
let otherProjectId: string;
let openai: ModelServer;
let firstPatternId: string;
let secondPatternId: string;

async function createProject(slug: string) {
  const project = await prisma().project.create({
    data: { slug, name: slug, outputKind: "label", keyPrefix: slug.slice(0, 3).toUpperCase(), labels: ["positive", "negative", "neutral"] },
  });
  return project.id;
}

async function createPattern(pid: string, problemId: string, name: string, text: string, expectation: unknown) {
  const input = { text };
  const pattern = await prisma().pattern.create({
    data: {
      projectId: pid,
      problemId,
      name,
      purpose: "case",
      origin: "contrived",
      revisions: { create: { projectId: pid, number: 1, inputKind: "json", input, inputHash: hashJson(input), expectation: expectation as object } },
    },
    select: { id: true, revisions: { select: { id: true } } },
  });
  await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: pattern.revisions[0]!.id } });
  return pattern.id;
}

beforeAll(async () => {
  engineer = await createTestUser("engineer");
  stakeholder = await createTestUser("stakeholder");
  projectId = await createProject("models-api");
  otherProjectId = await createProject("other-project");
  const problem = await prisma().problem.create({ data: { projectId, number: 1, key: "MOD-1", title: "Praise", severity: "high", target: 0.2 } });
  firstPatternId = await createPattern(projectId, problem.id, "good one", "this is good", { kind: "equals", value: "positive" });
  secondPatternId = await createPattern(projectId, problem.id, "bad one", "this is bad", { kind: "equals", value: "positive" });
  openai = await startModelServer({ protocol: "openai", behaviour: { apiKey: "sk-secret-value-123" } });
});

afterAll(async () => {
  await openai.close();
  await onnxWorkerPool().close();
});

const as = (user: TestUser) => ({ cookie: user.cookie });

function create(body: unknown, user = engineer, pid = projectId) {
  return callRoute(modelsRoute.POST, { method: "POST", path: `/api/v1/projects/${pid}/models`, params: { projectId: pid }, body, headers: as(user) });
}
function patch(modelId: string, body: unknown, user = engineer) {
  return callRoute(modelRoute.PATCH, { method: "PATCH", path: `/api/v1/models/${modelId}`, params: { modelId }, body, headers: as(user) });
}
function get(modelId: string, user = engineer) {
  return callRoute(modelRoute.GET, { path: `/api/v1/models/${modelId}`, params: { modelId }, headers: as(user) });
}

const openaiModel = (version: string, extra: Record<string, unknown> = {}) => ({
  name: "llm",
  version,
  connector: { kind: "openai", baseUrl: `${openai.url}/v1`, model: "tiny", promptTemplate: "{{input.text}}" },
  connectorSecrets: { apiKey: "sk-secret-value-123" },
  trainedAt: "2026-11-01",
  metrics: { auc: 0.91 },
  sourceUrl: "https://git.example/run/1",
  ...extra,
});

describe("POST /projects/{projectId}/models", () => {
  it("registers a model version, seals its secrets and never returns them", async () => {
    const res = await create(openaiModel("1"));
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      name: "llm",
      version: "1",
      status: "candidate",
      connectorKind: "openai",
      connector: { kind: "openai", model: "tiny", maxTokens: 256, apiKeySecret: "apiKey" },
      secretKeys: ["apiKey"],
      metrics: { auc: 0.91 },
      concurrency: 4,
      timeoutMs: 10000,
      lockVersion: 0,
      callable: true,
    });
    expect(res.text).not.toContain("sk-secret-value-123");
    expect(res.json).not.toHaveProperty("connectorSecrets");

    // At rest: the raw column holds ciphertext only.
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      const { rows } = await client.query<{ connector_secrets: Buffer; connector: unknown }>("SELECT connector_secrets, connector FROM model_versions WHERE id = $1", [res.json.id]);
      expect(rows[0]!.connector_secrets.length).toBeGreaterThan(45);
      expect(rows[0]!.connector_secrets.toString("latin1")).not.toContain("sk-secret-value-123");
      expect(JSON.stringify(rows[0]!.connector)).not.toContain("sk-secret-value-123");
    } finally {
      await client.end();
    }

    const read = await get(res.json.id as string, stakeholder);
    expect(read.status).toBe(200);
    expect(read.json.secretKeys).toEqual(["apiKey"]);
    expect(read.text).not.toContain("sk-secret-value-123");
    const audit = await prisma().auditEvent.findMany({ where: { entityId: res.json.id as string } });
    expect(audit.map((a) => a.action)).toEqual(["model.create"]);
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain("sk-secret-value-123");
    // Registration replays every current pattern, in the same transaction.
    const runs = await prisma().replayRun.findMany({ where: { modelVersionId: res.json.id as string } });
    expect(runs).toEqual([expect.objectContaining({ projectId, trigger: "model_registered", total: 2, createdById: engineer.id })]);
  });

  it("answers 409 for a name + version already registered in the project, not in another", async () => {
    const again = await create(openaiModel("1"));
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: "conflict", message: expect.stringContaining('"llm" "1" is already registered') });
    expect((await create(openaiModel("1"), engineer, otherProjectId)).status).toBe(201);
  });

  it("refuses bad input with field paths and writes nothing", async () => {
    const before = await prisma().modelVersion.count();
    const bad = await create({ name: "", version: "x", connector: { kind: "openinference", baseUrl: "not a url", model: "m" }, concurrency: 100, timeoutMs: 5 });
    expect(bad.status).toBe(422);
    const paths = bad.json.error!.fields!.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["body.name", "body.connector.baseUrl", "body.concurrency", "body.timeoutMs"]));
    const unknownKind = await create({ name: "a", version: "1", connector: { kind: "carrier-pigeon" } });
    expect(unknownKind.status).toBe(422);
    expect(unknownKind.json.error!.fields![0]!.path).toBe("body.connector.kind");
    const missingSecret = await create({ name: "h", version: "1", connector: { kind: "http", url: "http://x", headers: { authorization: "Bearer {{secret.token}}" } } });
    expect(missingSecret.status).toBe(422);
    expect(missingSecret.json.error!.fields).toEqual([{ path: "body.connectorSecrets.token", message: expect.stringContaining("{{secret.token}}") }]);
    const notJson = await callRoute(modelsRoute.POST, { method: "POST", params: { projectId }, body: "{nope", headers: as(engineer) });
    expect(notJson.status).toBe(400);
    expect(await prisma().modelVersion.count()).toBe(before);
  });

  it("404 for an unknown project, 403 for a stakeholder", async () => {
    expect((await create(openaiModel("9"), engineer, "cl0000000000000000000000x")).status).toBe(404);
    expect((await create(openaiModel("9"), stakeholder)).status).toBe(403);
  });
});

describe("GET /projects/{projectId}/models", () => {
  it("lists the project's versions in registration order, paginated", async () => {
    for (const v of ["2", "3", "4"]) expect((await create(openaiModel(v))).status).toBe(201);
    const page1 = await callRoute(modelsRoute.GET, { path: `/api/v1/projects/${projectId}/models?limit=2`, params: { projectId }, headers: as(stakeholder) });
    expect(page1.status).toBe(200);
    expect((page1.json.items as { version: string }[]).map((m) => m.version)).toEqual(["1", "2"]);
    const page2 = await callRoute(modelsRoute.GET, { path: `/api/v1/projects/${projectId}/models?limit=2&cursor=${page1.json.nextCursor as string}`, params: { projectId }, headers: as(stakeholder) });
    expect((page2.json.items as { version: string }[]).map((m) => m.version)).toEqual(["3", "4"]);
    expect(page2.json.nextCursor).toBeNull();
    expect(page1.text + page2.text).not.toContain("sk-secret-value-123");
    const other = await callRoute(modelsRoute.GET, { path: `/api/v1/projects/${otherProjectId}/models`, params: { projectId: otherProjectId }, headers: as(stakeholder) });
    expect((other.json.items as unknown[]).length).toBe(1);
  });
});

describe("PATCH /models/{modelId}", () => {
  async function registered(version: string, status?: string) {
    const res = await create({ ...openaiModel(version), name: "status-model", ...(status ? { status } : {}) });
    expect(res.status, res.text).toBe(201);
    return res.json as { id: string; lockVersion: number };
  }

  it("updates with the current lockVersion and 409s with the current state when stale", async () => {
    const model = await registered("a");
    const ok = await patch(model.id, { lockVersion: 0, metrics: { auc: 0.95 }, concurrency: 8 });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ lockVersion: 1, metrics: { auc: 0.95 }, concurrency: 8 });
    const stale = await patch(model.id, { lockVersion: 0, concurrency: 2 });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "conflict", current: { id: model.id, lockVersion: 1, concurrency: 8 } });
    expect(JSON.stringify(stale.json)).not.toContain("sk-secret-value-123");
    const row = await prisma().modelVersion.findUniqueOrThrow({ where: { id: model.id } });
    expect(row.concurrency).toBe(8);
    const audit = await prisma().auditEvent.findMany({ where: { entityId: model.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["model.create", "model.update"]);
  });

  it("merges secrets: set, replace, remove — names only in responses", async () => {
    const model = await registered("secrets");
    const res = await patch(model.id, { lockVersion: 0, connectorSecrets: { extra: "v-extra-999", apiKey: null } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.secretKeys).toEqual(["extra"]);
    expect(res.text).not.toContain("v-extra-999");
  });

  it("enforces the status transitions", async () => {
    const model = await registered("t1");
    const toRejected = await patch(model.id, { lockVersion: 0, status: "rejected" });
    expect(toRejected.json.status).toBe("rejected");
    const bad = await patch(model.id, { lockVersion: 1, status: "production" });
    expect(bad.status).toBe(422);
    expect(bad.json.error!.fields).toEqual([{ path: "body.status", message: "from rejected only candidate is allowed" }]);
    expect((await patch(model.id, { lockVersion: 1, status: "candidate" })).json.status).toBe("candidate");
    expect((await patch(model.id, { lockVersion: 2, status: "retired" })).json.status).toBe("retired");
    expect((await patch(model.id, { lockVersion: 3, status: "production" })).json.status).toBe("production");
    expect((await patch(model.id, { lockVersion: 4, status: "candidate" })).status).toBe(422);
    const audit = await prisma().auditEvent.findMany({ where: { entityId: model.id, action: "model.status_change" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.data)).toEqual([
      { from: "candidate", to: "rejected" },
      { from: "rejected", to: "candidate" },
      { from: "candidate", to: "retired" },
      { from: "retired", to: "production" },
    ]);
  });

  it("moving a version to production retires the previous production version of that name, in one transaction", async () => {
    const first = await create({ ...openaiModel("p1"), name: "prod-model", status: "production" });
    const second = await create({ ...openaiModel("p2"), name: "prod-model" });
    const unrelated = await create({ ...openaiModel("p1"), name: "unrelated", status: "production" });
    const promoted = await patch(second.json.id as string, { lockVersion: 0, status: "production" });
    expect(promoted.json.status).toBe("production");
    const rows = await prisma().modelVersion.findMany({ where: { projectId, id: { in: [first.json.id, second.json.id, unrelated.json.id] as string[] } } });
    const status = Object.fromEntries(rows.map((r) => [r.id, `${r.status}:${r.lockVersion}`]));
    expect(status[first.json.id as string]).toBe("retired:1");
    expect(status[second.json.id as string]).toBe("production:1");
    expect(status[unrelated.json.id as string]).toBe("production:0");
    // Concurrent promotions: exactly one production version remains.
    const third = await create({ ...openaiModel("p3"), name: "prod-model" });
    const fourth = await create({ ...openaiModel("p4"), name: "prod-model" });
    await Promise.all([patch(third.json.id as string, { lockVersion: 0, status: "production" }), patch(fourth.json.id as string, { lockVersion: 0, status: "production" })]);
    expect(await prisma().modelVersion.count({ where: { projectId, name: "prod-model", status: "production" } })).toBe(1);
  });

  it("accepts only http(s) source URLs, on create and update (422 at body.sourceUrl)", async () => {
    const before = await prisma().modelVersion.count();
    const created = await create(openaiModel("js-source", { sourceUrl: "javascript:alert(document.cookie)" }));
    expect(created.status).toBe(422);
    expect(created.json.error!.fields).toEqual([{ path: "body.sourceUrl", message: "must be an http(s) URL" }]);
    expect(await prisma().modelVersion.count()).toBe(before);
    const model = await create(openaiModel("js-source"));
    const patched = await patch(model.json.id as string, { lockVersion: 0, sourceUrl: "javascript:alert(1)" });
    expect(patched.status).toBe(422);
    expect(patched.json.error!.fields).toEqual([{ path: "body.sourceUrl", message: "must be an http(s) URL" }]);
    expect((await prisma().modelVersion.findUniqueOrThrow({ where: { id: model.json.id as string } })).sourceUrl).toBe("https://git.example/run/1");
  });

  it("renaming onto an existing name + version is a 409; bad fields are 422; unknown ids 404", async () => {
    const model = await registered("r1");
    expect((await patch(model.id, { lockVersion: 0, version: "r1" })).status).toBe(200);
    const clash = await patch(model.id, { lockVersion: 0, name: "llm", version: "1" });
    expect(clash.status).toBe(409);
    const invalid = await patch(model.id, { lockVersion: 0, timeoutMs: 1, surprise: true });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error!.fields!.map((f) => f.path)).toEqual(expect.arrayContaining(["body.timeoutMs"]));
    expect((await patch("cl0000000000000000000000x", { lockVersion: 0 })).status).toBe(404);
    expect((await get("cl0000000000000000000000x")).status).toBe(404);
  });
});

describe("POST /models/{modelId}/test-connection", () => {
  it("sends the first pattern and returns output, verdict and the exchange with the key redacted", async () => {
    const model = await create({ ...openaiModel("tc"), name: "tc-model" });
    const res = await callRoute(testConnectionRoute.POST, { method: "POST", params: { modelId: model.json.id as string }, body: {}, headers: as(engineer) });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      ok: true,
      output: "positive",
      verdict: "pass",
      latencyMs: expect.any(Number),
      pattern: { id: firstPatternId },
      exchange: {
        request: { method: "POST", url: `${openai.url}/v1/chat/completions`, headers: { authorization: "[redacted]" }, body: { model: "tiny", messages: [{ role: "user", content: "this is good" }] } },
        response: { status: 200, body: { choices: [{ message: { content: "Positive." } }] } },
      },
    });
    expect(res.text).not.toContain("sk-secret-value-123");
    expect(openai.requests.at(-1)!.headers.authorization).toBe("Bearer sk-secret-value-123");

    const second = await callRoute(testConnectionRoute.POST, { method: "POST", params: { modelId: model.json.id as string }, body: { patternId: secondPatternId }, headers: as(engineer) });
    expect(second.json).toMatchObject({ ok: true, output: "negative", verdict: "fail" });
  });

  it("reports a failing model as ok: false with the reason", async () => {
    const model = await create({ ...openaiModel("tc-bad"), name: "tc-model", connectorSecrets: { apiKey: "sk-wrong-key-000" } });
    const res = await callRoute(testConnectionRoute.POST, { method: "POST", params: { modelId: model.json.id as string }, body: {}, headers: as(engineer) });
    expect(res.json).toMatchObject({ ok: false, transient: false, reason: expect.stringContaining("HTTP 401") });
    expect(res.text).not.toContain("sk-wrong-key-000");
  });

  it("404 for a pattern of another project", async () => {
    const model = await create({ ...openaiModel("tc-other"), name: "tc-model" }, engineer, otherProjectId);
    const res = await callRoute(testConnectionRoute.POST, { method: "POST", params: { modelId: model.json.id as string }, body: { patternId: firstPatternId }, headers: as(engineer) });
    expect(res.status).toBe(404);
  });
});

describe("POST /models/{modelId}/artifact", () => {
  const onnxBytes = readFileSync("lib/connectors/onnx/fixtures/iris-linear-classifier.onnx");
  const onnxConnector = { kind: "onnx", inputName: "features", inputPath: "$.features", labelOutput: "label", probabilitiesOutput: "probabilities", labels: ["setosa", "versicolor", "virginica"] };

  function upload(modelId: string, body: BodyInit, headers: Record<string, string> = {}, query = "") {
    const request = new Request(`http://localhost:3000/api/v1/models/${modelId}/artifact${query}`, { method: "POST", body, headers: { ...as(engineer), origin: "http://localhost:3000", ...headers } });
    return artifactRoute.POST(request, { params: Promise.resolve({ modelId }) }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> & { error?: { code: string; fields?: { path: string }[] } } }));
  }

  it("stores an ONNX model from multipart with its sha256 and makes the version runnable", async () => {
    const model = await create({ name: "iris", version: "1", connector: onnxConnector });
    expect(model.status, model.text).toBe(201);
    expect(model.json.artifact).toBeNull();
    const form = new FormData();
    form.set("file", new File([onnxBytes], "iris.onnx"));
    const res = await upload(model.json.id as string, form);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const sha256 = (await import("node:crypto")).createHash("sha256").update(onnxBytes).digest("hex");
    expect(res.json).toMatchObject({ artifactChecksum: sha256, lockVersion: 1, artifact: { kind: "onnx", filename: "iris.onnx", byteSize: onnxBytes.length, sha256 } });
    const stored = await prisma().modelArtifact.findFirstOrThrow({ where: { projectId, sha256 } });
    // Not replayed at registration (nothing to run yet), replayed once the file is there.
    expect(await prisma().replayRun.findMany({ where: { modelVersionId: model.json.id as string } })).toEqual([expect.objectContaining({ trigger: "model_registered", total: 2 })]);
    expect(Buffer.from(stored.data).equals(onnxBytes)).toBe(true);
    // A second file for the same version is refused.
    expect((await upload(model.json.id as string, onnxBytes, { "content-type": "application/octet-stream" })).status).toBe(409);
  });

  it("refuses a file that is not ONNX, a model that does not match the config, and a checksum mismatch", async () => {
    const model = await create({ name: "iris", version: "2", connector: onnxConnector });
    const garbage = await upload(model.json.id as string, "not an onnx model", { "content-type": "application/octet-stream" });
    expect(garbage.status).toBe(422);
    const mismatched = await create({ name: "iris", version: "3", connector: { ...onnxConnector, inputName: "x" } });
    const wrongInput = await upload(mismatched.json.id as string, onnxBytes, { "content-type": "application/octet-stream" });
    expect(wrongInput.status).toBe(422);
    expect(wrongInput.json.error!.fields![0]!.path).toBe("connector.inputName");
    const declared = await create({ name: "iris", version: "4", connector: onnxConnector, artifactChecksum: "a".repeat(64) });
    expect((await upload(declared.json.id as string, onnxBytes, { "content-type": "application/octet-stream" })).status).toBe(422);
    expect(await prisma().modelArtifact.count({ where: { projectId, kind: "onnx" } })).toBe(1);
  });

  it("stores a predictions file from the raw body and answers test-connection from it", async () => {
    const model = await create({ name: "offline", version: "1", connector: { kind: "predictions" } });
    expect(model.json.callable).toBe(false);
    const before = await callRoute(testConnectionRoute.POST, { method: "POST", params: { modelId: model.json.id as string }, body: {}, headers: as(engineer) });
    expect(before.json).toMatchObject({ ok: false, reason: "no predictions file uploaded for this model version" });
    const csv = `patternId,output\n${firstPatternId},positive\n`;
    const res = await upload(model.json.id as string, csv, { "content-type": "text/csv" }, "?filename=preds.csv");
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ artifact: { kind: "predictions", filename: "preds.csv" } });
    const first = await callRoute(testConnectionRoute.POST, { method: "POST", params: { modelId: model.json.id as string }, body: {}, headers: as(engineer) });
    expect(first.json).toMatchObject({ ok: true, output: "positive", verdict: "pass" });
    const second = await callRoute(testConnectionRoute.POST, { method: "POST", params: { modelId: model.json.id as string }, body: { patternId: secondPatternId }, headers: as(engineer) });
    expect(second.json).toMatchObject({ ok: false, reason: "no prediction for this pattern", transient: false });
  });

  it("refuses an invalid predictions file with line numbers, a file for an HTTP model, and files over 50 MB", async () => {
    const model = await create({ name: "offline", version: "2", connector: { kind: "predictions" } });
    const bad = await upload(model.json.id as string, '{"patternId":"p","output":1}\nnope\n', { "content-type": "application/x-ndjson" });
    expect(bad.status).toBe(422);
    expect(bad.json.error!.fields!.map((f) => f.path)).toEqual(["body.file.line2"]);
    expect(await prisma().replayRun.count({ where: { modelVersionId: model.json.id as string } })).toBe(0);
    const http = await create({ name: "h", version: "1", connector: { kind: "http", url: "http://127.0.0.1:1" } });
    expect((await upload(http.json.id as string, "x", { "content-type": "text/plain" })).status).toBe(422);
    const big = await upload(model.json.id as string, new Uint8Array(50 * 1024 * 1024 + 70 * 1024), { "content-type": "application/octet-stream" });
    expect(big.status).toBe(413);
    expect(await prisma().modelVersion.findUniqueOrThrow({ where: { id: model.json.id as string } })).toMatchObject({ artifactId: null });
  });
});
