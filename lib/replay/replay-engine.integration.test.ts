import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { startWorker, type Worker } from "@/lib/jobs/start-worker";
import { requestReplay } from "./request-replay";
import { requestBackfill } from "./request-backfill";
import { seedReplayFixture } from "./testing/seed-replay-fixture";
import { startLabelServer, type LabelServer } from "./testing/start-label-server";
import { waitForRun } from "./testing/wait-for-run";

const db = createPrismaClient(inject("databaseUrl"));
let server: LabelServer;
let worker: Worker;

beforeAll(async () => {
  server = await startLabelServer();
  worker = await startWorker({ concurrency: 4, pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, log: () => {} });
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
    // maxBatchSize 8: 70 items in ⌈70/8⌉ calls per 32-item job → 4 + 4 + 1 = 9 requests... at most 8 texts each.
    expect(Math.max(...server.requests.map((r) => r.length))).toBeLessThanOrEqual(8);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
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
    await expect(
      db.$transaction(async (tx) => {
        await requestReplay(tx, { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, trigger: "manual" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.replayRun.count({ where: { projectId: fixture.projectId } })).toBe(0);
    const jobs = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'replay-batch' AND data->>'projectId' = $1`,
      fixture.projectId,
    );
    expect(jobs[0]?.n).toBe(0);
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
