import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import * as metricsRoute from "@/app/api/metrics/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as modelRoute from "@/app/api/v1/models/[modelId]/route";
import { createPrismaClient } from "@/lib/db/prisma";
import { openJobQueue, type JobQueue } from "@/lib/jobs/open-job-queue";
import { startWorker, type Worker } from "@/lib/jobs/start-worker";
import { startWorkerMetricsPublisher, type WorkerMetricsPublisher } from "@/lib/metrics/publish-worker-metrics";
import { replayWorkload } from "@/lib/replay/replay-workload";
import { requestReplay } from "@/lib/replay/request-replay";
import { seedReplayFixture } from "@/lib/replay/testing/seed-replay-fixture";
import { waitForRun } from "@/lib/replay/testing/wait-for-run";
import { startModelServer, type ModelServer } from "@/lib/testing/model-servers/start-model-server";
import { serveObservedRoutes } from "@/lib/testing/serve-observed-routes";
import { createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";

// GET /api/metrics over real HTTP (behind serve-next's request observer), after
// a real replay by a real worker against a local model server.
const METRICS_TOKEN = vi.hoisted(() => {
  const token = "metrics-static-token-0123456789abcdef";
  process.env.RATCHET_METRICS_TOKEN = token;
  return token;
});

const db = createPrismaClient(inject("databaseUrl"));
let app: Awaited<ReturnType<typeof serveObservedRoutes>>;
let modelServer: ModelServer;
let worker: Worker;
let publisher: WorkerMetricsPublisher;
let idleQueue: JobQueue;
let admin: TestUser;
let readToken: string;

const scrape = (authorization?: string, extra: Record<string, string> = {}) =>
  fetch(`${app.url}/api/metrics`, { headers: { ...(authorization ? { authorization } : {}), ...extra } });
/** The value of one sample line, e.g. `ratchet_replay_items_finished_total{verdict="pass",worker="…"}`; 0 when absent. */
const sample = (text: string, line: RegExp) => Number(text.split("\n").find((l) => line.test(l))?.split(" ").at(-1) ?? 0);

beforeAll(async () => {
  app = await serveObservedRoutes([
    { path: /^\/api\/metrics$/, methods: { GET: metricsRoute.GET } },
    { path: /^\/api\/v1\/me$/, methods: { GET: meRoute.GET } },
    { path: /^\/api\/v1\/models\/(?<modelId>[^/]+)$/, methods: { GET: modelRoute.GET } },
  ]);
  modelServer = await startModelServer({ protocol: "openinference" });
  worker = await startWorker({ ...replayWorkload(), concurrency: 2, pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, log: () => {} });
  publisher = startWorkerMetricsPublisher({ intervalMs: 60_000 });
  admin = await createTestUser("admin");
  readToken = (await createTestToken(admin, ["read"])).secret;
});
afterAll(async () => {
  await publisher?.stop();
  await worker?.stop({ timeoutMs: 5_000 });
  await idleQueue?.close();
  await modelServer?.close();
  await app?.close();
  await db.$disconnect();
});

describe("GET /api/metrics", () => {
  it("is 401 without credentials, with a session cookie, a wrong static token or a bad API token; 403 for a token without the read scope", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape(undefined, { cookie: admin.cookie })).status).toBe(401);
    expect((await scrape(`Bearer ${METRICS_TOKEN}x`)).status).toBe(401);
    expect((await scrape("Bearer rt_not-a-real-token")).status).toBe(401);
    const gateOnly = await createTestToken(admin, ["gate"]);
    const forbidden = await scrape(`Bearer ${gateOnly.secret}`);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).not.toContain("ratchet_");
  });

  it("answers Prometheus text to RATCHET_METRICS_TOKEN and to an API token with scope read", async () => {
    for (const authorization of [`Bearer ${METRICS_TOKEN}`, `Bearer ${readToken}`]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(response.headers.get("x-request-id")).toBeTruthy();
      expect(await response.text()).toContain("# TYPE ratchet_http_request_duration_seconds histogram");
    }
  });

  it("after a replay, has every named family: requests by route pattern, model call latency per model version, items per verdict, queue, runs, heartbeats, pool", async () => {
    const before = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
    const passBefore = sample(before, new RegExp(`^ratchet_replay_items_finished_total\\{verdict="pass",worker="${publisher.workerId}"\\}`));

    const fixture = await seedReplayFixture(db, { baseUrl: modelServer.url, patterns: 12, maxBatchSize: 4, concurrency: 2 });
    const run = await db.$transaction((tx) => requestReplay(tx, { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, trigger: "manual" }));
    expect(await waitForRun(db, run.id)).toMatchObject({ status: "completed", passed: 12 });
    await publisher.publish();
    // A job nobody works, so the queue has a depth and an age to report.
    idleQueue = await openJobQueue({ databaseUrl: inject("databaseUrl") });
    await idleQueue.boss.createQueue("metrics-test-idle");
    await idleQueue.boss.send("metrics-test-idle", { n: 1 });
    // Requests with ids in their paths: labels must carry the pattern, never the id.
    expect((await fetch(`${app.url}/api/v1/models/${fixture.modelVersionId}`, { headers: { authorization: `Bearer ${readToken}` } })).status).toBe(200);
    expect((await fetch(`${app.url}/api/v1/me`, { headers: { authorization: `Bearer ${readToken}` } })).status).toBe(200);

    const text = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
    const w = publisher.workerId;
    expect(text).toMatch(/^ratchet_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/models\/\[modelId\]",status="200"\} 1$/m);
    expect(text).toMatch(/^ratchet_http_request_duration_seconds_count\{method="GET",route="\/api\/metrics",status="401"\} [1-9]/m);
    expect(text).not.toContain(`route="/api/v1/models/${fixture.modelVersionId}"`);
    expect(sample(text, new RegExp(`^ratchet_model_call_duration_seconds_count\\{model_version_id="${fixture.modelVersionId}",worker="${w}"\\}`))).toBe(12);
    expect(sample(text, new RegExp(`^ratchet_replay_items_finished_total\\{verdict="pass",worker="${w}"\\}`)) - passBefore).toBe(12);
    expect(text).toMatch(/^ratchet_job_queue_jobs\{queue="metrics-test-idle",state="created"\} 1$/m);
    expect(sample(text, /^ratchet_job_queue_oldest_waiting_age_seconds\{queue="metrics-test-idle"\}/)).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/^ratchet_job_queue_oldest_waiting_age_seconds\{queue="metrics-test-idle"\} /m);
    expect(text).toMatch(/^ratchet_replay_runs_active\{status="running"\} 0$/m);
    expect(text).toMatch(/^ratchet_replay_runs_active\{status="queued"\} 0$/m);
    const heartbeat = sample(text, new RegExp(`^ratchet_worker_last_heartbeat_timestamp_seconds\\{worker="${w}"\\}`));
    expect(Math.abs(heartbeat - Date.now() / 1000)).toBeLessThan(60);
    expect(text).toMatch(/^ratchet_db_pool_connections\{state="max"\} 10$/m);
    expect(text).toMatch(new RegExp(`^ratchet_db_pool_connections\\{state="max",worker="${w}"\\} 10$`, "m"));
    // One HELP/TYPE block per family, however many sources fed it.
    const types = text.split("\n").filter((l) => l.startsWith("# TYPE "));
    expect(new Set(types).size).toBe(types.length);
  });

  it("leaves a stopped worker out: its row is deleted", async () => {
    const other = startWorkerMetricsPublisher({ intervalMs: 60_000 });
    await other.publish();
    expect(await (await scrape(`Bearer ${METRICS_TOKEN}`)).text()).toContain(`worker="${other.workerId}"`);
    await other.stop();
    expect(await (await scrape(`Bearer ${METRICS_TOKEN}`)).text()).not.toContain(`worker="${other.workerId}"`);
  });
});
