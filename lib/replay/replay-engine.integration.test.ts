import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { startWorker, type Worker } from "@/lib/jobs/start-worker";
import { replayWorkload } from "@/lib/replay/replay-workload";
import { startModelServer, type ModelServer } from "@/lib/testing/model-servers/start-model-server";
import { requestReplay } from "./request-replay";
import { replayBatchJob } from "./replay-batch-job";
import { requestBackfill } from "./request-backfill";
import { seedReplayFixture } from "./testing/seed-replay-fixture";
import { waitForRun } from "./testing/wait-for-run";
import { writeReplayOutcomes } from "./write-replay-outcomes";

const db = createPrismaClient(inject("databaseUrl"));
let server: ModelServer;
let worker: Worker;

beforeAll(async () => {
  server = await startModelServer({ protocol: "openinference" });
  worker = await startWorker({ ...replayWorkload(), concurrency: 4, pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, log: () => {} });
});
afterAll(async () => {
  await worker?.stop({ timeoutMs: 5_000 });
  await server?.close();
  await db.$disconnect();
});

describe("replay engine", () => {
  it("replays every current pattern revision once and derives the run's counts from its items", async () => {
    const fixture = await seedReplayFixture(db, { baseUrl: server.url, patterns: 70, maxBatchSize: 8, concurrency: 2 });
    const run = await db.$transaction((tx) => requestReplay(tx, { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, trigger: "manual" }));
    expect(run).toMatchObject({ status: "queued", total: 70 });
    const done = await waitForRun(db, run.id);
    expect(done).toMatchObject({ status: "completed", total: 70, passed: 70, failed: 0, errored: 0, ungraded: 0 });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    const results = await db.result.findMany({ where: { projectId: fixture.projectId } });
    expect(results).toHaveLength(70);
    expect(new Set(results.map((r) => r.patternRevisionId))).toEqual(new Set(fixture.revisionIds));
    expect(results.every((r) => r.replayRunId === run.id && r.verdict === "pass" && r.latencyMs !== null)).toBe(true);
    // One job of 70 items (the dispatcher's max(500, 8 × 2) per job) in chunks of maxBatchSize 8: ⌈70/8⌉ = 9 requests of at most 8 texts.
    expect(Math.max(...server.requests.map((r) => r.texts.length))).toBeLessThanOrEqual(8);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
  });

  it("outcomes written twice, at once or again after a crash, replace items and never count twice", async () => {
    const fixture = await seedReplayFixture(db, { baseUrl: server.url, patterns: 40 });
    const run = await db.replayRun.create({
      data: { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, trigger: "manual", status: "running", total: 40, dispatchedAt: new Date() },
    });
    await db.replayRunItem.createMany({ data: fixture.revisionIds.map((patternRevisionId) => ({ runId: run.id, patternRevisionId, projectId: fixture.projectId })) });
    const revisions = await db.patternRevision.findMany({ where: { id: { in: fixture.revisionIds } }, select: { id: true, patternId: true } });
    const rows = (verdict: (i: number) => "pass" | "fail" | "error" | null, from = 0, to = revisions.length) =>
      revisions.slice(from, to).map((r, i) => ({
        patternRevisionId: r.id, patternId: r.patternId, problemId: fixture.problemId, output: "positive", outputHash: "h", verdict: verdict(from + i), errorReason: null, latencyMs: 1,
      }));
    const ref = { id: run.id, projectId: fixture.projectId, modelVersionId: fixture.modelVersionId };
    // Two workers writing overlapping chunks of one batch at the same time.
    await Promise.all([writeReplayOutcomes(ref, rows(() => "pass", 0, 30)), writeReplayOutcomes(ref, rows(() => "pass", 10, 40)), writeReplayOutcomes(ref, rows(() => "pass", 5, 25))]);
    expect(await db.replayRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "completed", passed: 40, failed: 0, errored: 0, ungraded: 0 });
    // A retried batch whose model now answers differently: counts follow the items, nothing is added twice.
    await writeReplayOutcomes(ref, rows((i) => (i % 4 === 0 ? "fail" : i % 4 === 1 ? "error" : i % 4 === 2 ? null : "pass"), 0, 40));
    const counted = await db.replayRunItem.groupBy({ by: ["verdict"], where: { runId: run.id, finishedAt: { not: null } }, _count: true });
    const byVerdict = Object.fromEntries(counted.map((c) => [String(c.verdict), c._count]));
    expect(await db.replayRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      passed: byVerdict.pass, failed: byVerdict.fail, errored: byVerdict.error, ungraded: byVerdict.null, total: 40,
    });
    expect(byVerdict).toEqual({ pass: 10, fail: 10, error: 10, null: 10 });
    expect(await db.result.count({ where: { replayRunId: run.id } })).toBe(40);
  });

  it("a rerun replaces results instead of adding rows", async () => {
    const fixture = await seedReplayFixture(db, { baseUrl: server.url, patterns: 10 });
    for (let i = 0; i < 2; i++) {
      const run = await db.$transaction((tx) => requestReplay(tx, { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, trigger: "manual" }));
      await waitForRun(db, run.id);
    }
    const results = await db.result.findMany({ where: { projectId: fixture.projectId } });
    expect(results).toHaveLength(10);
    const latest = await db.replayRun.findFirstOrThrow({ where: { projectId: fixture.projectId }, orderBy: { createdAt: "desc" } });
    expect(results.every((r) => r.replayRunId === latest.id)).toBe(true);
  });

  it("leaves no run and no job behind when the requesting transaction rolls back", async () => {
    const fixture = await seedReplayFixture(db, { baseUrl: server.url, patterns: 3 });
    let rolledBackRunId: string | undefined;
    await expect(
      db.$transaction(async (tx) => {
        rolledBackRunId = (await requestReplay(tx, { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, trigger: "manual" })).id;
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(rolledBackRunId).toBeDefined();

    // A committed run of the same project, requested after the rollback: once it has
    // completed, the dispatcher has swept since, and its jobs show the query finds jobs.
    const committed = await db.$transaction((tx) => requestReplay(tx, { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, trigger: "manual" }));
    expect(await waitForRun(db, committed.id)).toMatchObject({ status: "completed", total: 3 });

    expect(await db.replayRun.findMany({ where: { projectId: fixture.projectId }, select: { id: true } })).toEqual([{ id: committed.id }]);
    const jobsOf = async (runId: string) =>
      (
        await db.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'projectId' = $2 AND data->>'runId' = $3`,
          replayBatchJob.name,
          fixture.projectId,
          runId,
        )
      )[0]!.n;
    expect(await jobsOf(committed.id)).toBeGreaterThan(0);
    expect(await jobsOf(rolledBackRunId!)).toBe(0);
  });

  it("back-fills a revision on every callable model version, not on predictions ones", async () => {
    const fixture = await seedReplayFixture(db, { baseUrl: server.url, patterns: 2 });
    await db.modelVersion.create({
      data: { projectId: fixture.projectId, name: "label", version: "file", connectorKind: "predictions", connector: { kind: "predictions" } },
    });
    const runs = await db.$transaction((tx) =>
      requestBackfill(tx, { projectId: fixture.projectId, patternRevisionIds: [fixture.revisionIds[0]!], trigger: "patterns_changed" }),
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ modelVersionId: fixture.modelVersionId, total: 1, trigger: "patterns_changed" });
    await waitForRun(db, runs[0]!.id);
    expect(await db.result.count({ where: { projectId: fixture.projectId } })).toBe(1);
  });
});
