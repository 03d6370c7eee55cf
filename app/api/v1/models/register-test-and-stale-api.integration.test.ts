import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as replaysRoute from "@/app/api/v1/models/[modelId]/replays/route";
import * as resultsRoute from "@/app/api/v1/models/[modelId]/results/route";
import * as modelRoute from "@/app/api/v1/models/[modelId]/route";
import * as connectorTestRoute from "@/app/api/v1/projects/[projectId]/connectors/test/route";
import * as modelsRoute from "@/app/api/v1/projects/[projectId]/models/route";
import { prisma } from "@/lib/db/prisma";
import { runReplayBatch } from "@/lib/replay/run-replay-batch";
import { getModelVersionStanding } from "@/lib/results/get-model-version-standing";
import { createTestPattern } from "@/lib/results/testing/write-test-rows";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";

// Issue 15 items 3 and 4 against a real loopback model server: Test connection
// of an unsaved connector (same permission, outbound policy and secret rules as
// registering; no secret in the answer, even when the model echoes it back),
// registering without a replay, and results made with an earlier connector
// configuration read as stale until a replay replaces them.

const SECRET = "sk-unsaved-echo-9931";

let server: Server;
let base: string;
let seen: { path: string; authorization?: string; body: string }[] = [];
let engineer: TestUser;
let tester: TestUser;
let stakeholder: TestUser;
let projectId: string;
let patternIds: string[] = [];

/** /echo answers the Authorization header and the body it got; /label answers { label: "x" }; other paths answer 200 with no label. */
function startServer(): Promise<Server> {
  const s = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      seen.push({ path: url.pathname, authorization: request.headers.authorization, body });
      response.writeHead(200, { "content-type": "application/json" });
      if (url.pathname === "/echo") return response.end(JSON.stringify({ answer: `you sent ${request.headers.authorization} with ${body}` }));
      if (url.pathname === "/label") return response.end(JSON.stringify({ label: "x" }));
      response.end(JSON.stringify({ nothing: true }));
    });
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

beforeAll(async () => {
  server = await startServer();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  engineer = await createTestUser("engineer");
  tester = await createTestUser("tester");
  stakeholder = await createTestUser("stakeholder");
  const project = await prisma().project.create({ data: { slug: "unsaved", name: "unsaved", outputKind: "text", keyPrefix: "UNS" } });
  projectId = project.id;
  const problem = await prisma().problem.create({ data: { projectId, number: 1, key: "UNS-1", title: "Unsaved", severity: "high", target: 0.2 } });
  // Text inputs "first" and "second", each expecting the output "x".
  patternIds = [(await createTestPattern(projectId, problem.id, "first")).id, (await createTestPattern(projectId, problem.id, "second")).id];
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const as = (user: TestUser) => ({ cookie: user.cookie });
const connector = (path: string, outputPath = "$") => ({ kind: "http", url: `${base}${path}`, headers: { authorization: "Bearer {{secret.token}}" }, outputPath });
const testUnsaved = (body: unknown, user = engineer) => callRoute(connectorTestRoute.POST, { method: "POST", params: { projectId }, body, headers: as(user) });

describe("POST /projects/{projectId}/connectors/test", () => {
  it("refuses roles that may not register (403) and writes nothing to the model", async () => {
    const before = seen.length;
    for (const user of [tester, stakeholder]) {
      const res = await testUnsaved({ connector: connector("/echo"), connectorSecrets: { token: SECRET }, sampleInput: "hello" }, user);
      expect(res.status, res.text).toBe(403);
    }
    expect(seen.length).toBe(before);
  });

  it("answers 422 with the field path for a bad body, a missing secret and a sample given with a pattern", async () => {
    const noUrl = await testUnsaved({ connector: { kind: "http", outputPath: "$" }, sampleInput: "hello" });
    expect(noUrl.status, noUrl.text).toBe(422);
    expect(noUrl.json.error!.fields!.map((f) => f.path)).toContain("body.connector.url");

    const missingSecret = await testUnsaved({ connector: connector("/echo"), sampleInput: "hello" });
    expect(missingSecret.status, missingSecret.text).toBe(422);
    expect(missingSecret.json.error!.fields).toEqual([{ path: "body.connectorSecrets.token", message: "is required: the connector uses {{secret.token}}" }]);

    const both = await testUnsaved({ connector: connector("/echo"), connectorSecrets: { token: SECRET }, sampleInput: "x", patternId: patternIds[0] });
    expect(both.status, both.text).toBe(422);
    expect(both.json.error!.fields!.map((f) => f.path)).toEqual(["body.sampleInput"]);

    const upload = await testUnsaved({ connector: { kind: "predictions" }, sampleInput: "x" });
    expect(upload.status, upload.text).toBe(422);
    expect(upload.json.error!.fields!.map((f) => f.path)).toEqual(["body.connector.kind"]);
  });

  it("sends a sample input with the secret, and never answers the secret, not even inside the model's answer", async () => {
    const res = await testUnsaved({ connector: connector("/echo"), connectorSecrets: { token: SECRET }, sampleInput: "a good day" });
    expect(res.status, res.text).toBe(200);
    expect(seen.at(-1)).toMatchObject({ path: "/echo", authorization: `Bearer ${SECRET}` });
    expect(seen.at(-1)!.body).toContain("a good day");
    expect(res.json).toMatchObject({ ok: true, pattern: null, output: { answer: expect.stringContaining("you sent Bearer [redacted] with") } });
    expect(res.json.verdict).toBeUndefined();
    expect(res.text).not.toContain(SECRET);
    // The raw exchange is shown, with the credential header masked.
    expect(res.json.exchange).toMatchObject({ request: { method: "POST", url: `${base}/echo`, headers: { authorization: "[redacted]" } }, response: { status: 200 } });
  });

  it("sends a picked pattern and judges the answer by its expectation; nothing is stored", async () => {
    const res = await testUnsaved({ connector: connector("/label", "$.label"), connectorSecrets: { token: SECRET }, patternId: patternIds[1] });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ ok: true, output: "x", verdict: "pass", pattern: { id: patternIds[1], name: "second" } });
    expect(seen.at(-1)!.body).toContain("second");
    expect(await prisma().modelVersion.count({ where: { projectId } })).toBe(0);
    expect(await prisma().result.count({ where: { projectId } })).toBe(0);
  });

  it("answers 404 for a pattern of no current revision in the project", async () => {
    const res = await testUnsaved({ connector: connector("/label", "$.label"), connectorSecrets: { token: SECRET }, patternId: "c000000000000000000000000" });
    expect(res.status, res.text).toBe(404);
  });
});

async function register(version: string, path: string, extra: Record<string, unknown> = {}) {
  const res = await callRoute(modelsRoute.POST, {
    method: "POST",
    params: { projectId },
    body: { name: "unsaved", version, connector: connector(path, "$.label"), connectorSecrets: { token: SECRET }, ...extra },
    headers: as(engineer),
  });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; lockVersion: number; connectorRevision: number };
}

/** Runs a version's newest replay run in this process, as a worker would. */
async function runLatestReplay(modelVersionId: string) {
  const run = await prisma().replayRun.findFirstOrThrow({ where: { modelVersionId }, orderBy: { createdAt: "desc" }, include: { items: { select: { patternRevisionId: true } } } });
  await runReplayBatch({ runId: run.id, projectId, modelVersionId, patternRevisionIds: run.items.map((i) => i.patternRevisionId) });
}

const readResults = async (modelId: string) => {
  const res = await callRoute(resultsRoute.GET, { params: { modelId }, headers: as(stakeholder) });
  expect(res.status, res.text).toBe(200);
  return res.json.items as { verdict: string; stale: boolean; connectorRevision: number }[];
};

describe("registering with and without a replay", () => {
  it("replay: false registers without queueing a replay; the default still queues one", async () => {
    const quiet = await register("no-replay", "/label", { replay: false });
    expect(await prisma().replayRun.count({ where: { modelVersionId: quiet.id } })).toBe(0);
    const standing = await getModelVersionStanding(projectId, quiet.id);
    expect(standing).toEqual({ patterns: 2, passed: 0, failed: 0, errored: 0, awaitingGrade: 0, notReplayed: 2, replaying: 0, stale: 0 });

    const replayed = await register("with-replay", "/label");
    const runs = await prisma().replayRun.findMany({ where: { modelVersionId: replayed.id }, select: { trigger: true, total: true } });
    expect(runs).toEqual([{ trigger: "model_registered", total: 2 }]);
  });

  it("refuses replay that is not a boolean (422 at body.replay)", async () => {
    const res = await callRoute(modelsRoute.POST, {
      method: "POST",
      params: { projectId },
      body: { name: "unsaved", version: "bad-replay", connector: connector("/label", "$.label"), connectorSecrets: { token: SECRET }, replay: "no" },
      headers: as(engineer),
    });
    expect(res.status, res.text).toBe(422);
    expect(res.json.error!.fields!.map((f) => f.path)).toEqual(["body.replay"]);
  });
});

describe("fixing a connector marks older results stale until a replay replaces them", () => {
  it("bumps the connector revision on a connector change, not on other edits, and results follow it", async () => {
    const model = await register("fix-me", "/broken");
    expect(model.connectorRevision).toBe(1);
    await runLatestReplay(model.id);
    expect((await readResults(model.id)).map((r) => [r.verdict, r.stale, r.connectorRevision])).toEqual([
      ["error", false, 1],
      ["error", false, 1],
    ]);

    // Limits are not the connector: nothing becomes stale.
    const limits = await callRoute(modelRoute.PATCH, { method: "PATCH", params: { modelId: model.id }, body: { lockVersion: 0, concurrency: 2 }, headers: as(engineer) });
    expect(limits.status, limits.text).toBe(200);
    expect(limits.json.connectorRevision).toBe(1);

    const fixed = await callRoute(modelRoute.PATCH, { method: "PATCH", params: { modelId: model.id }, body: { lockVersion: 1, connector: connector("/label", "$.label") }, headers: as(engineer) });
    expect(fixed.status, fixed.text).toBe(200);
    expect(fixed.json.connectorRevision).toBe(2);
    expect((await readResults(model.id)).map((r) => r.stale)).toEqual([true, true]);
    expect(await getModelVersionStanding(projectId, model.id)).toMatchObject({ patterns: 2, errored: 2, stale: 2 });

    const replay = await callRoute(replaysRoute.POST, { method: "POST", params: { modelId: model.id }, body: {}, headers: as(engineer) });
    expect(replay.status, replay.text).toBe(202);
    await runLatestReplay(model.id);
    expect((await readResults(model.id)).map((r) => [r.verdict, r.stale, r.connectorRevision])).toEqual([
      ["pass", false, 2],
      ["pass", false, 2],
    ]);
    expect(await getModelVersionStanding(projectId, model.id)).toEqual({ patterns: 2, passed: 2, failed: 0, errored: 0, awaitingGrade: 0, notReplayed: 0, replaying: 0, stale: 0 });
  });

  it("a new secret value is a new configuration too", async () => {
    const model = await register("rotate", "/label");
    await runLatestReplay(model.id);
    const rotated = await callRoute(modelRoute.PATCH, { method: "PATCH", params: { modelId: model.id }, body: { lockVersion: 0, connectorSecrets: { token: "sk-rotated" } }, headers: as(engineer) });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.json.connectorRevision).toBe(2);
    expect((await readResults(model.id)).map((r) => r.stale)).toEqual([true, true]);
  });
});
