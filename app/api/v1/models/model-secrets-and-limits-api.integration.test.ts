import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as resultsRoute from "@/app/api/v1/models/[modelId]/results/route";
import * as modelRoute from "@/app/api/v1/models/[modelId]/route";
import * as testConnectionRoute from "@/app/api/v1/models/[modelId]/test-connection/route";
import * as modelsRoute from "@/app/api/v1/projects/[projectId]/models/route";
import { prisma } from "@/lib/db/prisma";
import { runReplayBatch } from "@/lib/replay/run-replay-batch";
import { hashJson } from "@/lib/scoring/canonical-json";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";

// Issue 11 items 1 and 3 against a real loopback server: a model that echoes
// the Authorization header back never gets a stored secret shown or stored,
// a connector moved to another origin does not take its secrets along, and
// an answer past RATCHET_MAX_MODEL_RESPONSE_BYTES is cut off and recorded as
// an error. The default outbound policy is in force (loopback allowed).

const CAP = 256 * 1024;
process.env.RATCHET_MAX_MODEL_RESPONSE_BYTES = String(CAP);

const SECRET = "sk-live-echo-secret-4711";
/** The port of this run's database (a local PostgreSQL or the embedded one). */
const DB_PORT = new URL(inject("databaseUrl")).port || "5432";

type Seen = { path: string; authorization?: string };
let server: Server;
let base: string;
let seen: Seen[] = [];
/** Bytes the /big route had written when its response closed, and whether it finished. */
let bigResponses: { written: number; finished: boolean }[] = [];
let engineer: TestUser;
let stakeholder: TestUser;
let projectId: string;

function startEchoServer(): Promise<Server> {
  const s = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    seen.push({ path: url.pathname, authorization: request.headers.authorization });
    request.resume();
    request.on("end", () => {
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (url.pathname.endsWith("/echo")) return json(200, { answer: `you sent ${request.headers.authorization}`, [String(request.headers.authorization)]: true });
      if (url.pathname.endsWith("/deny")) return json(400, { error: `token ${request.headers.authorization} is not valid` });
      if (url.pathname.endsWith("/medium")) return json(200, { answer: "m".repeat(200_000) });
      if (url.pathname.endsWith("/big")) {
        // 4 MB in 16 KB chunks, no content-length: only counting what is read can stop it.
        const total = 4 * 1024 * 1024;
        const chunk = Buffer.alloc(16 * 1024, "a");
        const record = { written: 0, finished: false };
        bigResponses.push(record);
        response.writeHead(200, { "content-type": "application/json" });
        const pump = () => {
          while (record.written < total && !response.destroyed) {
            record.written += chunk.length;
            if (!response.write(chunk)) return void response.once("drain", pump);
          }
          if (!response.destroyed) response.end(() => (record.finished = true));
        };
        response.on("error", () => {});
        return pump();
      }
      json(404, { error: "no such route" });
    });
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

async function createPattern(problemId: string, name: string) {
  const input = { text: name };
  const pattern = await prisma().pattern.create({
    data: {
      projectId,
      problemId,
      name,
      purpose: "case",
      origin: "contrived",
      revisions: { create: { projectId, number: 1, inputKind: "json", input, inputHash: hashJson(input), expectation: { kind: "contains", value: "Bearer" } } },
    },
    select: { id: true, revisions: { select: { id: true } } },
  });
  await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: pattern.revisions[0]!.id } });
}

beforeAll(async () => {
  server = await startEchoServer();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  engineer = await createTestUser("engineer");
  stakeholder = await createTestUser("stakeholder");
  const project = await prisma().project.create({ data: { slug: "echo", name: "echo", outputKind: "text", keyPrefix: "ECH" } });
  projectId = project.id;
  const problem = await prisma().problem.create({ data: { projectId, number: 1, key: "ECH-1", title: "Echo", severity: "high", target: 0.2 } });
  await createPattern(problem.id, "first");
  await createPattern(problem.id, "second");
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const as = (user: TestUser) => ({ cookie: user.cookie });
const httpConnector = (path: string, origin = base) => ({ kind: "http", url: `${origin}${path}`, headers: { authorization: "Bearer {{secret.token}}" }, outputPath: "$" });

async function register(version: string, path: string, secrets: Record<string, string> = { token: SECRET }) {
  const res = await callRoute(modelsRoute.POST, {
    method: "POST",
    params: { projectId },
    body: { name: "echo", version, connector: httpConnector(path), connectorSecrets: secrets },
    headers: as(engineer),
  });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; lockVersion: number };
}
const testConnection = (modelId: string) => callRoute(testConnectionRoute.POST, { method: "POST", params: { modelId }, body: {}, headers: as(engineer) });
const patch = (modelId: string, body: unknown) => callRoute(modelRoute.PATCH, { method: "PATCH", params: { modelId }, body, headers: as(engineer) });

/** Runs the replay that registration queued, in this process, as a worker would. */
async function replayRegistration(modelVersionId: string) {
  const run = await prisma().replayRun.findFirstOrThrow({ where: { modelVersionId }, include: { items: { select: { patternRevisionId: true } } } });
  await runReplayBatch({ runId: run.id, projectId, modelVersionId, patternRevisionIds: run.items.map((i) => i.patternRevisionId) });
  return prisma().result.findMany({ where: { modelVersionId }, orderBy: { id: "asc" } });
}

describe("a model that echoes its credentials", () => {
  it("Test connection shows the output with the secret replaced, while the server did receive it", async () => {
    const model = await register("echo-1", "/echo");
    const res = await testConnection(model.id);
    expect(res.status, res.text).toBe(200);
    expect(seen.at(-1)).toEqual({ path: "/echo", authorization: `Bearer ${SECRET}` });
    expect(res.json).toMatchObject({ ok: true, output: { answer: "you sent Bearer [redacted]", "Bearer [redacted]": true }, verdict: "pass" });
    expect(res.text).not.toContain(SECRET);
  });

  it("a replay stores outputs with the secret replaced, and no role reads it", async () => {
    const model = await register("echo-2", "/echo");
    const results = await replayRegistration(model.id);
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(result.verdict).toBe("pass");
      expect(result.output).toEqual({ answer: "you sent Bearer [redacted]", "Bearer [redacted]": true });
    }
    expect(JSON.stringify(results)).not.toContain(SECRET);
    const read = await callRoute(resultsRoute.GET, { params: { modelId: model.id }, headers: as(stakeholder) });
    expect(read.status, read.text).toBe(200);
    expect((read.json.items as { output: unknown }[]).map((item) => item.output)).toEqual([
      { answer: "you sent Bearer [redacted]", "Bearer [redacted]": true },
      { answer: "you sent Bearer [redacted]", "Bearer [redacted]": true },
    ]);
    expect(read.text).not.toContain(SECRET);
  });

  it("errors that quote the secret are stored and shown redacted", async () => {
    const model = await register("deny", "/deny");
    const results = await replayRegistration(model.id);
    expect(results.map((r) => [r.verdict, r.errorReason])).toEqual([
      ["error", "HTTP 400 from model server: token Bearer [redacted] is not valid"],
      ["error", "HTTP 400 from model server: token Bearer [redacted] is not valid"],
    ]);
    const res = await testConnection(model.id);
    expect(res.json).toMatchObject({ ok: false, reason: "HTTP 400 from model server: token Bearer [redacted] is not valid" });
    expect(res.text).not.toContain(SECRET);
  });
});

describe("moving a connector to another origin", () => {
  it("refuses (422 naming each stored secret) unless the secrets are entered again, and writes nothing", async () => {
    const model = await register("move", "/echo");
    const elsewhere = base.replace("127.0.0.1", "localhost");
    const moved = await patch(model.id, { lockVersion: 0, connector: httpConnector("/echo", elsewhere) });
    expect(moved.status, moved.text).toBe(422);
    expect(moved.json.error!.fields).toEqual([{ path: "body.connectorSecrets.token", message: expect.stringContaining(`moves from ${base} to ${elsewhere}`) }]);
    const row = await prisma().modelVersion.findUniqueOrThrow({ where: { id: model.id } });
    expect(row.lockVersion).toBe(0);
    expect((row.connector as { url: string }).url).toBe(`${base}/echo`);

    // Re-entered in the same request: the new value goes to the new origin.
    const reentered = await patch(model.id, { lockVersion: 0, connector: httpConnector("/echo", elsewhere), connectorSecrets: { token: "sk-new-for-localhost" } });
    expect(reentered.status, reentered.text).toBe(200);
    await testConnection(model.id);
    expect(seen.at(-1)).toEqual({ path: "/echo", authorization: "Bearer sk-new-for-localhost" });
  });

  it("keeps the secrets when only the path changes (same origin)", async () => {
    const model = await register("same-origin", "/echo");
    const res = await patch(model.id, { lockVersion: 0, connector: httpConnector("/v2/echo") });
    expect(res.status, res.text).toBe(200);
    expect(res.json.secretKeys).toEqual(["token"]);
    await testConnection(model.id);
    expect(seen.at(-1)).toEqual({ path: "/v2/echo", authorization: `Bearer ${SECRET}` });
  });

  it("a secret removed with null on the move is dropped, the connector then needs it: 422 naming it", async () => {
    const model = await register("drop", "/echo");
    const res = await patch(model.id, { lockVersion: 0, connector: httpConnector("/echo", base.replace("127.0.0.1", "localhost")), connectorSecrets: { token: null } });
    expect(res.status).toBe(422);
    expect(res.json.error!.fields).toEqual([{ path: "body.connectorSecrets.token", message: expect.stringContaining("{{secret.token}}") }]);
  });
});

describe("answer size cap", () => {
  it("stops reading past RATCHET_MAX_MODEL_RESPONSE_BYTES, drops the socket and records an error", async () => {
    const model = await register("big", "/big");
    bigResponses = [];
    const res = await testConnection(model.id);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ ok: false, transient: false, reason: "response larger than 256 KB" });
    const results = await replayRegistration(model.id);
    expect(results.map((r) => [r.verdict, r.errorReason])).toEqual([
      ["error", "response larger than 256 KB"],
      ["error", "response larger than 256 KB"],
    ]);
    // Every answer was abandoned long before its 4 MB were sent.
    await expect.poll(() => bigResponses.length).toBe(3);
    for (const response of bigResponses) expect(response.finished).toBe(false);
  });

  it("Test connection shows at most the first 64 KB of the exchange", async () => {
    const model = await register("medium", "/medium");
    const res = await testConnection(model.id);
    expect(res.json).toMatchObject({ ok: true });
    const exchange = res.json.exchange as { response: { body: string } };
    expect(typeof exchange.response.body).toBe("string");
    expect(exchange.response.body.startsWith('{"answer":"mmmm')).toBe(true);
    expect(exchange.response.body).toMatch(/… \[cut: 200013 bytes in all, the first 32768 shown\]$/);
    expect(Buffer.byteLength(JSON.stringify(exchange))).toBeLessThan(64 * 1024);
  });
});

describe("registration under the default outbound policy", () => {
  it.each([
    ["the cloud metadata endpoint", "http://169.254.169.254/latest/meta-data", /cloud metadata endpoint/],
    ["a link-local address", "http://[fe80::1]/x", /link-local/],
    ["the app's own database", `http://127.0.0.1:${DB_PORT}/x`, /app's own database/],
    ["a numeric form of the database host", `http://2130706433:${DB_PORT}/x`, /app's own database/],
    ["credentials in the URL", "http://user:pw@127.0.0.1:8080/x", /credentials in the URL/],
  ])("refuses %s with a 422 at the URL's field path, and writes nothing", async (_name, url, reason) => {
    const before = await prisma().modelVersion.count();
    const res = await callRoute(modelsRoute.POST, {
      method: "POST",
      params: { projectId },
      body: { name: "refused", version: url, connector: { kind: "openai", baseUrl: url, model: "m" } },
      headers: as(engineer),
    });
    expect(res.status, res.text).toBe(422);
    expect(res.json.error!.fields).toEqual([{ path: "body.connector.baseUrl", message: expect.stringMatching(reason) }]);
    expect(await prisma().modelVersion.count()).toBe(before);
  });

  it("refuses the same URLs on update", async () => {
    const model = await register("update-refused", "/echo");
    const res = await patch(model.id, { lockVersion: 0, connector: httpConnector("/x", "http://169.254.169.254"), connectorSecrets: { token: "t" } });
    expect(res.status).toBe(422);
    expect(res.json.error!.fields).toEqual([{ path: "body.connector.url", message: expect.stringMatching(/cloud metadata endpoint/) }]);
  });
});
