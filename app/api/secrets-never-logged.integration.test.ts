import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { format } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as metricsRoute from "@/app/api/metrics/route";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as testConnectionRoute from "@/app/api/v1/models/[modelId]/test-connection/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as modelsRoute from "@/app/api/v1/projects/[projectId]/models/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log/logger.mjs";
import { runReplayBatch } from "@/lib/replay/run-replay-batch";
import { hashJson } from "@/lib/scoring/canonical-json";
import { serveObservedRoutes } from "@/lib/testing/serve-observed-routes";
import { TEST_PASSWORD, createTestUser, type TestUser } from "@/lib/testing/test-actors";

// Real requests that carry every kind of secret Ratchet handles — a password at
// sign-in (right and wrong), the session cookie, an API token, the static
// metrics token, a connector secret sent on to a model server — with every log
// line captured at the most verbose level; none of the secrets may appear.
const METRICS_TOKEN = vi.hoisted(() => {
  const token = "metrics-token-never-logged-0123456789";
  process.env.RATCHET_METRICS_TOKEN = token;
  return token;
});
const CONNECTOR_SECRET = "sk-connector-secret-never-logged-42";

let app: Awaited<ReturnType<typeof serveObservedRoutes>>;
let model: Server;
let modelUrl: string;
const modelSaw: (string | undefined)[] = [];
let user: TestUser;
let projectId: string;
let captured = "";
const restore: (() => void)[] = [];

function captureAllOutput() {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = write));
  }
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      captured += `${format(...args)}\n`;
      original(...args);
    };
    restore.push(() => (console[method] = original));
  }
  const level = logger().level;
  logger().level = "trace";
  restore.push(() => (logger().level = level));
}

beforeAll(async () => {
  model = createServer((request, response) => {
    modelSaw.push(request.headers.authorization);
    request.resume().on("end", () => {
      const ok = request.headers.authorization === `Bearer ${CONNECTOR_SECRET}`;
      response.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
      response.end(JSON.stringify(ok ? { answer: "positive" } : { error: "bad key" }));
    });
  });
  await new Promise<void>((resolve) => model.listen(0, "127.0.0.1", resolve));
  modelUrl = `http://127.0.0.1:${(model.address() as AddressInfo).port}`;
  app = await serveObservedRoutes([
    { path: /^\/api\/auth\/.+$/, methods: { GET: authRoute.GET, POST: authRoute.POST } },
    { path: /^\/api\/metrics$/, methods: { GET: metricsRoute.GET } },
    { path: /^\/api\/v1\/me$/, methods: { GET: meRoute.GET } },
    { path: /^\/api\/v1\/tokens$/, methods: { POST: tokensRoute.POST } },
    { path: /^\/api\/v1\/projects\/(?<projectId>[^/]+)\/models$/, methods: { POST: modelsRoute.POST } },
    { path: /^\/api\/v1\/models\/(?<modelId>[^/]+)\/test-connection$/, methods: { POST: testConnectionRoute.POST } },
  ]);
  user = await createTestUser("engineer");
  const project = await prisma().project.create({ data: { slug: "secrets", name: "secrets", outputKind: "label", keyPrefix: "SEC", labels: ["positive", "negative"] } });
  projectId = project.id;
  const problem = await prisma().problem.create({ data: { projectId, number: 1, key: "SEC-1", title: "Secrets", severity: "high", target: 0.2 } });
  const input = { text: "good" };
  const pattern = await prisma().pattern.create({
    data: {
      projectId,
      problemId: problem.id,
      name: "good",
      purpose: "case",
      origin: "contrived",
      revisions: { create: { projectId, number: 1, inputKind: "json", input, inputHash: hashJson(input), expectation: { kind: "equals", value: "positive" } } },
    },
    select: { id: true, revisions: { select: { id: true } } },
  });
  await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: pattern.revisions[0]!.id } });
  captureAllOutput();
});
afterAll(async () => {
  for (const undo of restore.reverse()) undo();
  await app?.close();
  model?.closeAllConnections();
  await new Promise((resolve) => model?.close(resolve));
});

describe("secrets in logs", () => {
  it("no password, cookie, API token, metrics token or connector secret reaches any log line", async () => {
    const json = (body: unknown, headers: Record<string, string> = {}) => ({
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url, ...headers },
      body: JSON.stringify(body),
    });
    const wrong = await fetch(`${app.url}/api/auth/sign-in/email`, json({ email: user.email, password: "wrong-password-never-logged" }));
    expect(wrong.status).toBe(401);
    const signIn = await fetch(`${app.url}/api/auth/sign-in/email`, json({ email: user.email, password: TEST_PASSWORD }));
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
    const cookieValues = cookie.split("; ").map((c) => c.slice(c.indexOf("=") + 1));
    expect(cookieValues.every((v) => v.length >= 16)).toBe(true);

    const created = await fetch(`${app.url}/api/v1/tokens`, json({ name: "ci", scopes: ["read", "write"] }, { cookie }));
    expect(created.status).toBe(201);
    const token = ((await created.json()) as { secret: string }).secret;
    const bearer = { authorization: `Bearer ${token}` };

    expect((await fetch(`${app.url}/api/v1/me`, { headers: bearer })).status).toBe(200);
    expect((await fetch(`${app.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    const registered = await fetch(
      `${app.url}/api/v1/projects/${projectId}/models`,
      json(
        {
          name: "secret-model",
          version: "1",
          connector: { kind: "http", url: `${modelUrl}/predict`, headers: { authorization: "Bearer {{secret.token}}" }, outputPath: "$.answer" },
          connectorSecrets: { token: CONNECTOR_SECRET },
        },
        bearer,
      ),
    );
    expect(registered.status).toBe(201);
    const modelId = ((await registered.json()) as { id: string }).id;
    const tested = await fetch(`${app.url}/api/v1/models/${modelId}/test-connection`, json({}, bearer));
    expect(tested.status).toBe(200);
    const run = await prisma().replayRun.findFirstOrThrow({ where: { modelVersionId: modelId }, include: { items: { select: { patternRevisionId: true } } } });
    await runReplayBatch({ runId: run.id, projectId, modelVersionId: modelId, patternRevisionIds: run.items.map((i) => i.patternRevisionId) });
    expect(await prisma().replayRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "completed", passed: 1 });
    expect((await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(200);
    // A careless caller handing credentials to the logger directly.
    logger().warn({ headers: { authorization: `Bearer ${token}`, cookie }, body: { password: TEST_PASSWORD, connectorSecrets: { token: CONNECTOR_SECRET } } }, "careless");

    // The secrets were really used: the model server got the connector secret on every call.
    expect(modelSaw.length).toBeGreaterThanOrEqual(2);
    expect(new Set(modelSaw)).toEqual(new Set([`Bearer ${CONNECTOR_SECRET}`]));
    // The capture really holds the lines of these requests (an empty capture would pass the greps below).
    for (const route of ["/api/auth/[...all]", "/api/v1/tokens", "/api/v1/me", "/api/v1/projects/[projectId]/models", "/api/v1/models/[modelId]/test-connection", "/api/metrics"]) {
      expect(captured).toContain(`"route":"${route}"`);
    }
    expect(captured).toContain(`"actorId":"${user.id}"`);
    expect(captured).toContain('"msg":"replay run finished"');
    expect(captured).toContain('"msg":"careless"');

    for (const secret of [TEST_PASSWORD, "wrong-password-never-logged", token, METRICS_TOKEN, CONNECTOR_SECRET, ...cookieValues, ...cookieValues.map(decodeURIComponent)]) {
      expect(captured, `a secret reached the logs: ${secret.slice(0, 6)}…`).not.toContain(secret);
    }
  });
});
