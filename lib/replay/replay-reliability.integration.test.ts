import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { startWorker, type Worker } from "@/lib/jobs/start-worker";
import { startModelServer, type ModelServer, type ModelServerFault } from "@/lib/testing/model-servers/start-model-server";
import { replayWorkload } from "./replay-workload";
import { requestReplay } from "./request-replay";
import { seedReplayFixture, type ReplayFixture } from "./testing/seed-replay-fixture";
import { spawnWorkerProcess } from "./testing/spawn-worker-process";
import { waitForRun } from "./testing/wait-for-run";

// Real model servers misbehaving, real worker processes dying, real PostgreSQL.

const databaseUrl = inject("databaseUrl");
const db = createPrismaClient(databaseUrl);
const servers: ModelServer[] = [];
const workers: Worker[] = [];
const fast = { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, log: () => {} };

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop({ timeoutMs: 5_000 })));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await db.$disconnect();
});

async function server(fault?: ModelServerFault) {
  const s = await startModelServer({ protocol: "openinference", fault });
  servers.push(s);
  return s;
}

async function replay(fixture: ReplayFixture) {
  return db.$transaction((tx) => requestReplay(tx, { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, trigger: "manual" }));
}

async function expectOneResultPerRevision(fixture: ReplayFixture) {
  const results = await db.result.findMany({ where: { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId } });
  expect(results).toHaveLength(fixture.revisionIds.length);
  expect(new Set(results.map((r) => r.patternRevisionId)).size).toBe(fixture.revisionIds.length);
  return results;
}

describe("faulty model servers", () => {
  // Only the hanging server needs a short timeout; every other case gets ample time, so a loaded
  // machine answering late (the server shares this process) never turns a 500 or a slow answer into a timeout.
  const cases: { name: string; fault: ModelServerFault; reason: RegExp; requestsPerItem: number; verdict: "error" | "pass" }[] = [
    { name: "hangs past the timeout", fault: { kind: "hang" }, reason: /timed out after 300 ms \(after 3 attempts\)/, requestsPerItem: 3, verdict: "error" },
    { name: "answers 500", fault: { kind: "status", status: 500 }, reason: /500.*\(after 3 attempts\)/, requestsPerItem: 3, verdict: "error" },
    { name: "resets the connection", fault: { kind: "reset" }, reason: /reset|socket|network/i, requestsPerItem: 3, verdict: "error" },
    { name: "answers garbage (final, not retried)", fault: { kind: "garbage" }, reason: /json|pars/i, requestsPerItem: 1, verdict: "error" },
    { name: "answers slowly but within the timeout", fault: { kind: "delay", ms: 150 }, reason: /^$/, requestsPerItem: 1, verdict: "pass" },
    { name: "fails twice then answers (retried with backoff)", fault: { kind: "flaky", failures: 2, status: 503 }, reason: /^$/, requestsPerItem: 3, verdict: "pass" },
  ];

  it("gives `error` verdicts with reasons after retrying transient failures, and every run completes", async () => {
    workers.push(await startWorker({ ...replayWorkload(), ...fast, concurrency: 8 }));
    const started = [];
    for (const c of cases) {
      const s = await server(c.fault);
      const timeoutMs = c.fault.kind === "hang" ? 300 : 10_000;
      const fixture = await seedReplayFixture(db, { baseUrl: s.url, patterns: 3, maxBatchSize: 1, timeoutMs, concurrency: 3 });
      started.push({ c, s, fixture, run: await replay(fixture) });
    }
    for (const { c, s, fixture, run } of started) {
      const done = await waitForRun(db, run.id);
      expect(done.status, c.name).toBe("completed");
      const results = await expectOneResultPerRevision(fixture);
      for (const result of results) {
        expect(result.verdict, `${c.name}: ${result.errorReason}`).toBe(c.verdict);
        expect(result.errorReason ?? "", c.name).toMatch(c.reason);
      }
      expect(c.verdict === "error" ? done.errored : done.passed, c.name).toBe(3);
      expect(done.failed, `${c.name}: a call that failed is never a "fail"`).toBe(0);
      expect(s.requests.length, `${c.name}: requests seen by the server`).toBe(3 * c.requestsPerItem);
    }
  });
});

describe("worker processes", () => {
  it("a worker killed with SIGKILL mid-run: another finishes the run, no duplicate and no missing result", async () => {
    // 250 ms per call: the run needs ≥ 10 s, so the kill below lands mid-run even when polling is slow under load.
    const s = await server({ kind: "delay", ms: 250 });
    const fixture = await seedReplayFixture(db, { baseUrl: s.url, patterns: 160, maxBatchSize: 1, concurrency: 4 });
    const { child } = await spawnWorkerProcess(databaseUrl, ["--concurrency", "4", "--fetch", "1", "--poll", "0.5", "--supervise", "1"]);
    const run = await replay(fixture);
    await waitForRun(db, run.id, { until: (r) => r.passed >= 20 });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const atKill = await db.result.count({ where: { projectId: fixture.projectId } });
    expect(atKill).toBeLessThan(160);

    workers.push(await startWorker({ ...replayWorkload(), ...fast, concurrency: 4 }));
    const done = await waitForRun(db, run.id);
    expect(done).toMatchObject({ status: "completed", total: 160, passed: 160, failed: 0, errored: 0, ungraded: 0 });
    await expectOneResultPerRevision(fixture);
    const unfinished = await db.replayRunItem.count({ where: { runId: run.id, finishedAt: null } });
    expect(unfinished).toBe(0);
  });

  it("two workers on one queue never run the same job twice, and keep to the model's concurrency", async () => {
    const s = await server({ kind: "delay", ms: 15 });
    const fixture = await seedReplayFixture(db, { baseUrl: s.url, patterns: 192, maxBatchSize: 1, concurrency: 3 });
    // Small jobs (12 of 16 revisions), so both workers run batches of the same run at once and share its slots.
    const { child } = await spawnWorkerProcess(databaseUrl, ["--concurrency", "4", "--fetch", "2", "--poll", "0.5", "--supervise", "1", "--items-per-job", "16"]);
    try {
      workers.push(await startWorker({ ...replayWorkload({ itemsPerJob: 16 }), ...fast, concurrency: 4, fetchBatchSize: 2 }));
      const run = await replay(fixture);
      const done = await waitForRun(db, run.id);
      expect(done).toMatchObject({ status: "completed", passed: 192 });
      // No faults, so no retries: a job run twice (at once or not) would show as a text requested twice.
      const texts = s.requests.flatMap((r) => r.texts);
      expect(texts).toHaveLength(192);
      expect(new Set(texts).size).toBe(192);
      expect(s.maxInFlight).toBeLessThanOrEqual(3);
      expect(s.maxInFlight, "batches share the model's slots up to its limit").toBe(3);
      await expectOneResultPerRevision(fixture);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  });

  it("a worker process stopped with SIGTERM mid-run exits 0 at once, keeps what it received, holds no slot, and its batch is due again at once without using an attempt", async () => {
    const s = await server({ kind: "delay", ms: 250 });
    const fixture = await seedReplayFixture(db, { baseUrl: s.url, patterns: 160, maxBatchSize: 1, concurrency: 4 });
    const { child, output } = await spawnWorkerProcess(databaseUrl, ["--concurrency", "4", "--fetch", "1", "--poll", "0.5", "--supervise", "1"]);
    const run = await replay(fixture);
    await waitForRun(db, run.id, { until: (r) => r.passed >= 20 });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const signalledAt = performance.now();
    child.kill("SIGTERM");
    const code = await exited;
    const tookMs = performance.now() - signalledAt;
    expect(code, output()).toBe(0);
    expect(tookMs).toBeLessThan(15_000);

    // Every answer received was written: the run's counts, its finished items and the results agree.
    const atStop = await db.replayRun.findUniqueOrThrow({ where: { id: run.id } });
    const finished = await db.replayRunItem.count({ where: { runId: run.id, finishedAt: { not: null } } });
    const results = await db.result.count({ where: { modelVersionId: fixture.modelVersionId } });
    expect(atStop.status).toBe("running");
    expect([atStop.passed, finished]).toEqual([results, results]);
    expect(results).toBeGreaterThanOrEqual(20);
    expect(results).toBeLessThan(160);
    expect(await db.replaySlot.count({ where: { modelVersionId: fixture.modelVersionId, holder: { not: null } } })).toBe(0);
    const jobs = await db.$queryRaw<{ state: string; retry_count: number; retry_limit: number; due: boolean }[]>`
      SELECT state::text, retry_count, retry_limit, start_after <= now() AS due FROM pgboss.job WHERE name = 'replay-batch' AND data->>'runId' = ${run.id}`;
    expect(jobs).toEqual([{ state: "retry", retry_count: 0, retry_limit: 4, due: true }]);

    workers.push(await startWorker({ ...replayWorkload(), ...fast, concurrency: 4 }));
    const done = await waitForRun(db, run.id);
    expect(done).toMatchObject({ status: "completed", total: 160, passed: 160, failed: 0, errored: 0, ungraded: 0 });
    await expectOneResultPerRevision(fixture);
  });
});
