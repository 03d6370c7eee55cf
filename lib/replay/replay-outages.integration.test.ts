import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { startWorker, type Worker } from "@/lib/jobs/start-worker";
import { startModelServer, type ModelServer } from "@/lib/testing/model-servers/start-model-server";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/start-tcp-proxy";
import { replayWorkload } from "./replay-workload";
import { requestReplay } from "./request-replay";
import { seedReplayFixture, type ReplayFixture } from "./testing/seed-replay-fixture";
import { spawnWorkerProcess } from "./testing/spawn-worker-process";
import { waitForRun } from "./testing/wait-for-run";

// Outages in the middle of a replay, with real parts: the database a worker
// uses goes away and comes back (through a loopback proxy, so the shared
// PostgreSQL itself is never restarted), and a model server dies and comes back.

const databaseUrl = inject("databaseUrl");
const db = createPrismaClient(databaseUrl);
const servers: ModelServer[] = [];
const proxies: TcpProxy[] = [];
const workers: Worker[] = [];
const fast = { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, log: () => {} };

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop({ timeoutMs: 5_000 })));
});
afterAll(async () => {
  await Promise.all([...servers.map((s) => s.close()), ...proxies.map((p) => p.close())]);
  await db.$disconnect();
});

async function server(delayMs: number) {
  const s = await startModelServer({ protocol: "openinference", fault: { kind: "delay", ms: delayMs } });
  servers.push(s);
  return s;
}

async function replay(fixture: ReplayFixture) {
  return db.$transaction((tx) => requestReplay(tx, { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, trigger: "manual" }));
}

async function resultsOf(fixture: ReplayFixture) {
  const results = await db.result.findMany({ where: { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId }, include: { patternRevision: { select: { input: true } } } });
  expect(results).toHaveLength(fixture.revisionIds.length);
  expect(new Set(results.map((r) => r.patternRevisionId)).size).toBe(fixture.revisionIds.length);
  return results.map((r) => ({ ...r, text: (r.patternRevision.input as { text: string }).text }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the database goes away mid-replay and comes back", () => {
  it("the worker survives, the run completes with every result, and no database error is recorded as a model error", async () => {
    const target = new URL(databaseUrl);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    proxies.push(proxy);
    const throughProxy = new URL(databaseUrl);
    throughProxy.host = proxy.host;

    // 100 ms per call, 4 at a time: the run needs ≥ 5 s, so the outage lands mid-run.
    const s = await server(100);
    const fixture = await seedReplayFixture(db, { baseUrl: s.url, patterns: 200, maxBatchSize: 1, concurrency: 4 });
    const { child, output } = await spawnWorkerProcess(throughProxy.toString(), ["--concurrency", "4", "--fetch", "1", "--poll", "0.5", "--supervise", "1"]);
    try {
      const run = await replay(fixture);
      await waitForRun(db, run.id, { until: (r) => r.passed >= 20 });

      // Like a PostgreSQL restart: every connection of the worker (pool, queue, LISTEN) reset, new ones refused for 3 s.
      const severed = await proxy.goDown();
      const atOutage = await db.replayRun.findUniqueOrThrow({ where: { id: run.id } });
      await sleep(3_000);
      await proxy.comeBack();
      expect(severed, "the worker had connections open through the proxy").toBeGreaterThan(0);
      expect(atOutage.status).toBe("running");
      expect(atOutage.passed).toBeLessThan(200);

      const done = await waitForRun(db, run.id);
      expect(child.exitCode, output()).toBeNull();
      expect(child.signalCode).toBeNull();
      expect(done).toMatchObject({ status: "completed", total: 200, passed: 200, failed: 0, errored: 0, ungraded: 0 });
      const results = await resultsOf(fixture);
      expect(results.filter((r) => r.verdict !== "pass").map((r) => `${r.text}: ${r.verdict} ${r.errorReason}`)).toEqual([]);
      expect(await db.replayRunItem.count({ where: { runId: run.id, finishedAt: null } })).toBe(0);
      // The batch was retried by the queue, not given up on.
      const deadLetters = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'replay-batch-dead' AND data->>'runId' = ${run.id}`;
      expect(Number(deadLetters[0]!.n)).toBe(0);
      // Every slot came back (given back, or expired and taken over).
      expect(await db.replaySlot.count({ where: { modelVersionId: fixture.modelVersionId, holder: { not: null } } })).toBe(0);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode === null && child.signalCode === null ? child.once("exit", resolve) : resolve(undefined)));
    }
  });
});

describe("the model server dies mid-replay and comes back", () => {
  it("within the retry policy (3 attempts, 250 ms then 500 ms apart): the calls it dropped or refused are retried and pass, and the run completes", async () => {
    const s = await server(100);
    const fixture = await seedReplayFixture(db, { baseUrl: s.url, patterns: 120, maxBatchSize: 1, concurrency: 4 });
    workers.push(await startWorker({ ...replayWorkload(), ...fast, concurrency: 4 }));
    const run = await replay(fixture);
    await waitForRun(db, run.id, { until: (r) => r.passed >= 20 });

    // Down for 300 ms: a call refused at any moment of it has its third attempt ≥ 562 ms later (250 and 500 ms, −25 %).
    const dropped = await s.goDown();
    const requestsAtOutage = s.requests.length;
    await sleep(300);
    await s.comeBack();

    const done = await waitForRun(db, run.id);
    expect(done).toMatchObject({ status: "completed", total: 120, passed: 120, failed: 0, errored: 0, ungraded: 0 });
    const results = await resultsOf(fixture);
    expect(results.every((r) => r.verdict === "pass" && r.errorReason === null)).toBe(true);
    // The calls cut by the outage (one per slot in flight) were made again after it, and passed.
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.length).toBeLessThanOrEqual(4);
    const askedAfter = new Set(s.requests.slice(requestsAtOutage).flatMap((r) => r.texts));
    expect(dropped.filter((text) => !askedAfter.has(text))).toEqual([]);
  });

  it("longer than the retry policy: the calls made during the outage end as `error` results with the reason, the run still completes, and a re-replay fixes them", async () => {
    const s = await server(50);
    const fixture = await seedReplayFixture(db, { baseUrl: s.url, patterns: 120, maxBatchSize: 1, concurrency: 4 });
    workers.push(await startWorker({ ...replayWorkload(), ...fast, concurrency: 4 }));
    const run = await replay(fixture);
    await waitForRun(db, run.id, { until: (r) => r.passed >= 20 });

    await s.goDown();
    await sleep(3_000);
    await s.comeBack();

    const done = await waitForRun(db, run.id);
    const results = await resultsOf(fixture);
    const errored = results.filter((r) => r.verdict === "error");
    expect(done.status).toBe("completed");
    expect(errored.length, "calls made while the server was down").toBeGreaterThan(0);
    expect(done).toMatchObject({ total: 120, passed: 120 - errored.length, errored: errored.length, failed: 0, ungraded: 0 });
    for (const result of errored) {
      // Refused (or cut) on every attempt: transient each time, final after the third.
      expect(result.errorReason).toMatch(/^(connection refused by model server|.*(reset|socket|network).*) \(after 3 attempts\)$/);
    }
    expect(results.filter((r) => r.verdict !== "error").every((r) => r.verdict === "pass")).toBe(true);

    // The server is back: replaying the version again turns every `error` into its real verdict.
    const again = await replay(fixture);
    const redone = await waitForRun(db, again.id);
    expect(redone).toMatchObject({ status: "completed", total: 120, passed: 120, failed: 0, errored: 0 });
    const fixed = await resultsOf(fixture);
    expect(fixed.every((r) => r.verdict === "pass" && r.errorReason === null && r.replayRunId === again.id)).toBe(true);
  });
});
