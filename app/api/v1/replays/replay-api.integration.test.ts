import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { startWorker, type Worker } from "@/lib/jobs/start-worker";
import { replayBatchJob } from "@/lib/replay/replay-batch-job";
import { replayWorkload } from "@/lib/replay/replay-workload";
import { callRoute } from "@/lib/testing/call-route";
import { startModelServer, type ModelServer } from "@/lib/testing/model-servers/start-model-server";
import { createTestUser, type TestUser } from "@/lib/testing/test-actors";
import * as modelReplays from "@/app/api/v1/models/[modelId]/replays/route";
import * as modelResults from "@/app/api/v1/models/[modelId]/results/route";
import * as replayRun from "@/app/api/v1/replays/[runId]/route";
import * as cancelRun from "@/app/api/v1/replays/[runId]/cancel/route";
import * as errorRates from "@/app/api/v1/projects/[projectId]/error-rates/route";
import * as activeReplays from "@/app/api/v1/projects/[projectId]/replays/route";
import * as gradingQueue from "@/app/api/v1/projects/[projectId]/grades/queue/route";
import * as grades from "@/app/api/v1/grades/route";
import { seedReplayFixture } from "@/lib/replay/testing/seed-replay-fixture";
import { waitForRun } from "@/lib/replay/testing/wait-for-run";

const db = createPrismaClient(inject("databaseUrl"));
let server: ModelServer;
let worker: Worker;
let engineer: TestUser;

beforeAll(async () => {
  server = await startModelServer({ protocol: "openinference" });
  worker = await startWorker({ ...replayWorkload(), concurrency: 4, pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, log: () => {} });
  engineer = await createTestUser("engineer");
});
afterAll(async () => {
  await worker?.stop({ timeoutMs: 5_000 });
  await server?.close();
  await db.$disconnect();
});

describe("replay API", () => {
  it("POST /models/{id}/replays → 202 queued run; GET /replays/{id} reports progress; results and error rates follow", async () => {
    const fixture = await seedReplayFixture(db, { baseUrl: server.url, patterns: 6, maxBatchSize: 4 });
    const headers = { cookie: engineer.cookie };
    const posted = await callRoute(modelReplays.POST, { method: "POST", params: { modelId: fixture.modelVersionId }, headers });
    expect(posted.status, posted.text).toBe(202);
    expect(posted.json).toMatchObject({ status: "queued", total: 6, pending: 6, trigger: "manual" });
    const runId = posted.json.id as string;

    await waitForRun(db, runId);
    const got = await callRoute(replayRun.GET, { params: { runId }, headers });
    expect(got.json).toMatchObject({ id: runId, status: "completed", total: 6, passed: 6, failed: 0, errored: 0, ungraded: 0, pending: 0, etaSeconds: 0 });
    expect(typeof got.json.rate).toBe("number");

    const results = await callRoute(modelResults.GET, { path: "/api/v1/models/x/results?limit=4", params: { modelId: fixture.modelVersionId }, headers });
    expect(results.json.items).toHaveLength(4);
    expect(results.json.nextCursor).toBeTruthy();
    expect((results.json.items as { verdict: string; output: unknown }[])[0]).toMatchObject({ verdict: "pass" });

    const rates = await callRoute(errorRates.GET, { params: { projectId: fixture.projectId }, headers });
    expect(rates.json.items).toEqual([
      expect.objectContaining({ problemId: fixture.problemId, modelVersionId: fixture.modelVersionId, passed: 6, failed: 0, errored: 0, errorRate: 0, low: 0 }),
    ]);

    const audit = await db.auditEvent.findFirst({ where: { action: "replay.request", entityId: runId } });
    expect(audit?.actorId).toBe(engineer.id);

    const subset = await callRoute(modelReplays.POST, { method: "POST", params: { modelId: fixture.modelVersionId }, headers, body: { patternIds: [fixture.patternIds[0]] } });
    expect(subset.json).toMatchObject({ total: 1 });
    const unknown = await callRoute(modelReplays.POST, { method: "POST", params: { modelId: fixture.modelVersionId }, headers, body: { patternIds: ["cl0000000000000000000000x"] } });
    expect(unknown.status).toBe(422);
  });

  it("cancel stops a running run; the active list shows it until then", async () => {
    // 300 ms per call, one at a time: the run needs ≥ 12 s, so the cancel lands mid-run even when polling is slow under load.
    const slow = await startModelServer({ protocol: "openinference", fault: { kind: "delay", ms: 300 } });
    try {
      const fixture = await seedReplayFixture(db, { baseUrl: slow.url, patterns: 40, maxBatchSize: 1, concurrency: 1 });
      const headers = { cookie: engineer.cookie };
      const posted = await callRoute(modelReplays.POST, { method: "POST", params: { modelId: fixture.modelVersionId }, headers });
      const runId = posted.json.id as string;
      await waitForRun(db, runId, { until: (r) => r.passed > 0 });
      const active = await callRoute(activeReplays.GET, { params: { projectId: fixture.projectId }, headers });
      expect((active.json.items as { id: string }[]).map((r) => r.id)).toEqual([runId]);
      const cancelled = await callRoute(cancelRun.POST, { method: "POST", params: { runId }, headers });
      expect(cancelled.status, cancelled.text).toBe(200);
      expect(cancelled.json.status).toBe("cancelled");
      const again = await callRoute(cancelRun.POST, { method: "POST", params: { runId }, headers });
      expect(again.status).toBe(409);
      // Once no job of the run is queued or running, nothing can call the model any more: wait for that, not for a fixed time.
      await waitForNoLiveJobs(runId);
      const requestsAfter = slow.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(slow.requests.length).toBe(requestsAfter);
      expect(requestsAfter).toBeLessThan(40);
      expect((await db.replayRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("cancelled");
    } finally {
      await slow.close();
    }
  });
});

/** Polls the queue until the run has no job waiting, retrying or running (3 min at most: a deadline for a hang, not a speed limit). */
async function waitForNoLiveJobs(runId: string) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'runId' = $2 AND state IN ('created', 'retry', 'active')`,
      replayBatchJob.name,
      runId,
    );
    if (row!.n === 0) return;
    if (Date.now() > deadline) throw new Error(`run ${runId} still has ${row!.n} live jobs after 3 min`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("human grading", () => {
  it("queues ungraded outputs once per (revision, output); a grade updates every result and run, and is reused on replay", async () => {
    const fixture = await seedReplayFixture(db, { baseUrl: server.url, patterns: 2, expectation: () => ({ kind: "human" }) });
    const second = await db.modelVersion.create({
      data: { projectId: fixture.projectId, name: "label", version: "2", connectorKind: "openinference", connector: { kind: "openinference", baseUrl: server.url, model: "label", inputName: "text", outputName: "label", maxBatchSize: 1 } },
    });
    const headers = { cookie: engineer.cookie };
    const runs = [];
    for (const modelId of [fixture.modelVersionId, second.id]) {
      const posted = await callRoute(modelReplays.POST, { method: "POST", params: { modelId }, headers });
      runs.push(await waitForRun(db, posted.json.id as string));
    }
    for (const run of runs) expect(run).toMatchObject({ status: "completed", ungraded: 2, passed: 0 });

    const queue = await callRoute(gradingQueue.GET, { params: { projectId: fixture.projectId }, headers });
    const items = queue.json.items as { patternRevisionId: string; outputHash: string; output: unknown; modelVersionIds: string[] }[];
    expect(items).toHaveLength(2);
    expect(items[0]!.modelVersionIds).toHaveLength(2);

    const graded = await callRoute(grades.POST, { method: "POST", headers, body: { patternRevisionId: items[0]!.patternRevisionId, outputHash: items[0]!.outputHash, verdict: "pass", comment: "reads right" } });
    expect(graded.status, graded.text).toBe(201);
    expect(graded.json.resultsUpdated).toBe(2);
    for (const run of runs) {
      expect(await db.replayRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ passed: 1, ungraded: 1 });
    }
    const after = await callRoute(gradingQueue.GET, { params: { projectId: fixture.projectId }, headers });
    expect(after.json.items).toHaveLength(1);

    // The same output comes back: the remembered grade sets the verdict at write time.
    const rerun = await callRoute(modelReplays.POST, { method: "POST", params: { modelId: fixture.modelVersionId }, headers });
    expect(await waitForRun(db, rerun.json.id as string)).toMatchObject({ passed: 1, ungraded: 1 });
    expect(await db.auditEvent.count({ where: { action: "grade.create" } })).toBe(1);

    const notHuman = await seedReplayFixture(db, { baseUrl: server.url, patterns: 1 });
    const refused = await callRoute(grades.POST, { method: "POST", headers, body: { patternRevisionId: notHuman.revisionIds[0], outputHash: "a".repeat(64), verdict: "pass" } });
    expect(refused.status).toBe(422);
  });
});
