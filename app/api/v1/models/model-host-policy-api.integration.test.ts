import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as testConnectionRoute from "@/app/api/v1/models/[modelId]/test-connection/route";
import * as modelsRoute from "@/app/api/v1/projects/[projectId]/models/route";
import { parseModelHostPolicy } from "@/lib/connectors/outbound/parse-model-host-policy";
import { sendHttp } from "@/lib/connectors/shared/send-http";
import { prisma } from "@/lib/db/prisma";
import { requestReplay } from "@/lib/replay/request-replay";
import { runReplayBatch } from "@/lib/replay/run-replay-batch";
import { hashJson } from "@/lib/scoring/canonical-json";
import { callRoute } from "@/lib/testing/call-route";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";

// Issue 11 item 2, end to end with RATCHET_MODEL_HOSTS=public against a real
// loopback server that would answer: registration and Test connection refuse
// it with a 422, a replay records an error verdict with the reason, and the
// server never receives a request. Only loopback is ever contacted.

process.env.RATCHET_MODEL_HOSTS = "public";

let server: Server;
let port: number;
let received: string[] = [];
let engineer: TestUser;
let projectId: string;
let revisionId: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(request.url ?? "");
    request.resume();
    if (request.url === "/redirect") return void response.writeHead(302, { location: `http://127.0.0.1:${port}/target` }).end();
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ answer: "reached" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  engineer = await createTestUser("engineer");
  const project = await prisma().project.create({ data: { slug: "public-mode", name: "public-mode", outputKind: "text", keyPrefix: "PUB" } });
  projectId = project.id;
  const problem = await prisma().problem.create({ data: { projectId, number: 1, key: "PUB-1", title: "P", severity: "high", target: 0.2 } });
  const input = { text: "hello" };
  const pattern = await prisma().pattern.create({
    data: {
      projectId,
      problemId: problem.id,
      name: "p",
      purpose: "case",
      origin: "contrived",
      revisions: { create: { projectId, number: 1, inputKind: "json", input, inputHash: hashJson(input), expectation: { kind: "contains", value: "reached" } } },
    },
    select: { id: true, revisions: { select: { id: true } } },
  });
  revisionId = pattern.revisions[0]!.id;
  await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: revisionId } });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const connector = (host: string) => ({ kind: "http", url: `http://${host}:${port}/predict`, outputPath: "$.answer" });

describe("RATCHET_MODEL_HOSTS=public", () => {
  it.each(["127.0.0.1", "localhost", "2130706433", "127.1", "0x7f.1", "0.0.0.0", "[::ffff:127.0.0.1]", "[::1]"])(
    "registration refuses http://%s (a loopback server) with a 422, writes nothing and sends nothing",
    async (host) => {
      received = [];
      const before = await prisma().modelVersion.count();
      const res = await callRoute(modelsRoute.POST, { method: "POST", params: { projectId }, body: { name: "m", version: host, connector: connector(host) }, headers: { cookie: engineer.cookie } });
      expect(res.status, res.text).toBe(422);
      expect(res.json.error!.fields).toEqual([{ path: "body.connector.url", message: expect.stringMatching(/loopback|not a public address/) }]);
      expect(await prisma().modelVersion.count()).toBe(before);
      expect(received).toEqual([]);
    },
  );

  it("a version stored before the policy: Test connection is a 422, a replay records an error verdict with the reason", async () => {
    received = [];
    const model = await prisma().modelVersion.create({ data: { projectId, name: "old", version: "1", connectorKind: "http", connector: connector("127.0.0.1") } });
    const res = await callRoute(testConnectionRoute.POST, { method: "POST", params: { modelId: model.id }, body: {}, headers: { cookie: engineer.cookie } });
    expect(res.status, res.text).toBe(422);
    expect(res.json.error!.fields).toEqual([{ path: "connector.url", message: "127.0.0.1 is not a public address (loopback) (RATCHET_MODEL_HOSTS=public)" }]);

    const run = await prisma().$transaction((tx) => requestReplay(tx, { projectId, modelVersionId: model.id, trigger: "manual" }));
    await runReplayBatch({ runId: run.id, projectId, modelVersionId: model.id, patternRevisionIds: [revisionId] });
    const results = await prisma().result.findMany({ where: { modelVersionId: model.id } });
    expect(results.map((r) => [r.verdict, r.errorReason])).toEqual([["error", "refused by the outbound policy: 127.0.0.1 is not a public address (loopback) (RATCHET_MODEL_HOSTS=public)"]]);
    expect(received).toEqual([]);
  });
});

describe("the connection-time check (send-http)", () => {
  const signal = () => AbortSignal.timeout(5_000);

  it("checks the addresses a name resolves to, in the socket's own lookup", async () => {
    received = [];
    // "localhost" passes the name check of a list that does not name it; what it resolves to does not.
    const list = parseModelHostPolicy("10.0.0.0/8");
    await expect(sendHttp(`http://localhost:${port}/predict`, { method: "GET", headers: {}, signal: signal(), policy: list })).rejects.toThrow(
      /refused by the outbound policy: localhost resolves to (127\.0\.0\.1|::1) is not on the list/,
    );
    expect(received).toEqual([]);
    // Listed by name: the same call goes through.
    const named = parseModelHostPolicy("localhost");
    await expect(sendHttp(`http://localhost:${port}/predict`, { method: "GET", headers: {}, signal: signal(), policy: named })).resolves.toMatchObject({ status: 200 });
    expect(received).toEqual(["/predict"]);
  });

  it("keeps the app's own demo route callable in public mode, and nothing else on its origin", async () => {
    received = [];
    const policy = parseModelHostPolicy("public", { appOrigins: [`http://127.0.0.1:${port}`] });
    await expect(sendHttp(`http://127.0.0.1:${port}/api/demo/models/x`, { method: "GET", headers: {}, signal: signal(), policy })).resolves.toMatchObject({ status: 200 });
    await expect(sendHttp(`http://127.0.0.1:${port}/api/v1/projects`, { method: "GET", headers: {}, signal: signal(), policy })).rejects.toThrow(/not a public address/);
    expect(received).toEqual(["/api/demo/models/x"]);
  });

  it("does not follow redirects and refuses credentials in the URL", async () => {
    received = [];
    const policy = parseModelHostPolicy("default");
    await expect(sendHttp(`http://127.0.0.1:${port}/redirect`, { method: "GET", headers: {}, signal: signal(), policy })).resolves.toMatchObject({ status: 302 });
    await expect(sendHttp(`http://user:pw@127.0.0.1:${port}/x`, { method: "GET", headers: {}, signal: signal(), policy })).rejects.toThrow(/credentials in the URL/);
    expect(received).toEqual(["/redirect"]);
  });
});
