import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { POST as inferDemoRoute } from "@/app/api/demo/models/v2/models/[name]/versions/[version]/infer/route";
import { createPrismaClient } from "@/lib/db/prisma";
import { getGateResource } from "@/lib/gate/get-gate-resource";
import { evaluateCaptureDrift } from "@/lib/captures/evaluate-capture-drift";
import { listCaptureDrift } from "@/lib/captures/list-capture-drift";
import { getOutputDistribution } from "@/lib/models/get-output-distribution";
import { listErrorRates } from "@/lib/results/list-error-rates";
import { listCurrentSignoffs } from "@/lib/signoffs/list-current-signoffs";
import { startWorker, type Worker } from "@/lib/jobs/start-worker";
import { replayWorkload } from "@/lib/replay/replay-workload";
import { waitForRun } from "@/lib/replay/testing/wait-for-run";
import { hashJson } from "@/lib/scoring/canonical-json";
import { judgeOutput } from "@/lib/scoring/judge-output";
import { serveRoute } from "@/lib/testing/serve-route";
import { DEMO_PROBLEMS } from "@/lib/demo/demo-project";
import { demoOutputFor } from "@/lib/demo/demo-output-for";
import { DEMO_MODEL_VERSIONS, predictSentiment } from "@/lib/demo/sentiment-model";
import { isDatabaseEmpty, seedDemo } from "@/lib/demo/seed-demo";
import { seedDemoSignoffs } from "@/lib/demo/seed-demo-signoffs";
import { seedDemoUsers } from "@/lib/demo/seed-demo-users";

const db = createPrismaClient(inject("databaseUrl"));
let demoServer: Awaited<ReturnType<typeof serveRoute>>;
let worker: Worker | undefined;

beforeAll(async () => {
  // The demo model route, served over real HTTP as `npm start` serves it.
  demoServer = await serveRoute(inferDemoRoute as Parameters<typeof serveRoute>[0], /^\/api\/demo\/models\/v2\/models\/(?<name>[^/]+)\/versions\/(?<version>[^/]+)\/infer$/);
});
afterAll(async () => {
  await worker?.stop({ timeoutMs: 5_000 });
  await demoServer.close();
  await db.$disconnect();
});

const PATTERN_COUNT = DEMO_PROBLEMS.reduce((n, p) => n + p.patterns.length, 0);

describe("seedDemo", () => {
  it("fills an empty database with the demo project and a queued replay run per model version", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    const { projectId } = await seedDemo(db, { modelBaseUrl: `${demoServer.url}/api/demo/models` });
    expect(await isDatabaseEmpty(db)).toBe(false);

    const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project).toMatchObject({ slug: "review-sentiment", keyPrefix: "SENT", nextProblemNumber: 6 });
    const problems = await db.problem.findMany({ where: { projectId }, orderBy: { number: "asc" } });
    expect(problems.map((p) => p.key)).toEqual(["SENT-1", "SENT-2", "SENT-3", "SENT-4", "SENT-5"]);

    const patterns = await db.pattern.findMany({ where: { projectId }, include: { currentRevision: true } });
    expect(patterns).toHaveLength(PATTERN_COUNT);
    for (const pattern of patterns) {
      expect(pattern.currentRevision?.number).toBe(1);
      expect(pattern.currentRevision?.inputHash).toBe(hashJson(pattern.currentRevision?.input));
    }

    const models = await db.modelVersion.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
    expect(models.map((m) => `${m.version}:${m.status}`)).toEqual(["1.0:retired", "1.1:retired", "2.0:retired", "2.1:production", "3.0:candidate"]);
    expect(models[0]?.connector).toMatchObject({ kind: "openinference", model: "sentiment", version: "1.0", outputName: "label", rankedLabelsName: "ranked_labels" });

    const runs = await db.replayRun.findMany({ where: { projectId } });
    expect(runs.map((r) => [r.trigger, r.status, r.total])).toEqual(models.map(() => ["seed", "queued", PATTERN_COUNT]));
    expect(await db.result.count()).toBe(0);
  });

  it("is replayed by the engine over HTTP into exactly the error rates the demo model implies", async () => {
    worker = await startWorker({ ...replayWorkload(), concurrency: 4, pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, log: () => {} });
    const runs = await db.replayRun.findMany();
    for (const run of runs) expect(await waitForRun(db, run.id)).toMatchObject({ status: "completed", errored: 0 });
    expect(demoServer.requests).toBeGreaterThan(0);

    const project = await db.project.findFirstOrThrow();
    const problems = await db.problem.findMany({ orderBy: { number: "asc" } });
    const models = await db.modelVersion.findMany({ orderBy: { createdAt: "asc" } });
    const rates = await listErrorRates(project.id);
    for (const [p, demoProblem] of DEMO_PROBLEMS.entries()) {
      for (const [v, version] of DEMO_MODEL_VERSIONS.entries()) {
        const verdicts = demoProblem.patterns.map((pattern) => judgeOutput(pattern.expectation, demoOutputFor(pattern.expectation, predictSentiment(version, pattern.text))));
        const rate = rates.find((r) => r.problemId === problems[p]!.id && r.modelVersionId === models[v]!.id);
        expect(rate, `${problems[p]!.key} on ${version.version}`).toMatchObject({
          passed: verdicts.filter((x) => x === "pass").length,
          failed: verdicts.filter((x) => x === "fail").length,
          errored: 0,
        });
      }
    }
  });

  it("then has the demo stakeholder's sign-offs: every problem approved on 2.1, 2.0 rejected on negation, none stale", async () => {
    const project = await db.project.findFirstOrThrow();
    expect(await seedDemoSignoffs(project.id)).toBe(0); // no demo stakeholder yet
    await seedDemoUsers(db, await mkdtemp(path.join(os.tmpdir(), "ratchet-demo-users-")), "demo-password-for-tests");
    expect(await seedDemoSignoffs(project.id)).toBe(DEMO_PROBLEMS.length + 1);
    expect(await seedDemoSignoffs(project.id)).toBe(0); // once only

    const stakeholder = await db.user.findUniqueOrThrow({ where: { email: "stakeholder@demo.ratchet.local" } });
    const signoffs = await db.signOff.findMany({ include: { problem: true, modelVersion: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(signoffs.map((s) => [s.modelVersion.version, s.problem.key, s.decision, s.createdById])).toEqual([
      ["2.0", "SENT-2", "reject", stakeholder.id],
      ...["SENT-1", "SENT-2", "SENT-3", "SENT-4", "SENT-5"].map((key) => ["2.1", key, "approve", stakeholder.id]),
    ]);
    const models = await db.modelVersion.findMany({ orderBy: { createdAt: "asc" } });
    const current = await listCurrentSignoffs(project.id, models.find((m) => m.version === "2.1")!.id);
    expect(current.map((s) => [s.decision, s.stale])).toEqual(DEMO_PROBLEMS.map(() => ["approve", false]));
    expect(await db.auditEvent.count({ where: { action: "signoff.create", actorId: stakeholder.id } })).toBe(DEMO_PROBLEMS.length + 1);
  });

  it("then 3.0's release gate fails on the negation regression against 2.1", async () => {
    const models = await db.modelVersion.findMany({ orderBy: { createdAt: "asc" } });
    const gate = await getGateResource(models.find((m) => m.version === "3.0")!.id, null);
    expect(gate.decision).toBe("fail");
    expect(gate.production).toMatchObject({ version: "2.1" });
    const negation = gate.problems.find((p) => p.key === "SENT-2")!;
    expect(negation.checks.find((c) => c.rule === "regression")).toMatchObject({ ok: false, state: "fail" });
    expect(gate.reasons).toContain("SENT-2: significantly worse: 6 broken, 0 fixed vs sentiment 2.1 (p = 0.031 < α 0.05)");
  });

  it("then has non-empty output distributions and weeks of captures whose latest shift crosses the default threshold", async () => {
    const project = await db.project.findFirstOrThrow();
    const production = await db.modelVersion.findFirstOrThrow({ where: { status: "production" } });
    const distribution = await getOutputDistribution(production.id);
    expect(distribution.kind).toBe("label");
    expect(distribution.total).toBe(PATTERN_COUNT);
    expect(distribution.buckets.map((b) => b.value)).toEqual(["positive", "negative", "neutral"]);
    expect(distribution.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(PATTERN_COUNT);

    const drift = await listCaptureDrift(project.id);
    expect(drift.productionVersion).toMatchObject({ version: "2.1" });
    const measured = drift.weeks.filter((w) => w.shift !== null);
    expect(measured.length).toBeGreaterThanOrEqual(6);
    expect(drift.weeks.some((w) => w.badShare !== null && w.badShare > 0)).toBe(true);
    const evaluation = await evaluateCaptureDrift(project.id);
    expect(evaluation).toMatchObject({ overThreshold: true, threshold: 0.2, productionModelVersionId: production.id });
  });

  it("refuses to seed twice: the project slug is taken", async () => {
    await expect(seedDemo(db, { modelBaseUrl: "http://demo.test" })).rejects.toThrow();
    expect(await db.project.count()).toBe(1);
  });

  it("leaves nothing behind when it fails half-way", async () => {
    await worker?.stop({ timeoutMs: 5_000 });
    worker = undefined;
    await db.project.deleteMany();
    // Replay runs are written last: failing them proves the earlier inserts roll back.
    await db.$executeRawUnsafe("CREATE FUNCTION fail_demo_runs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'runs refused'; END $$");
    await db.$executeRawUnsafe("CREATE TRIGGER fail_demo_runs BEFORE INSERT ON replay_runs FOR EACH ROW EXECUTE FUNCTION fail_demo_runs()");
    try {
      await expect(seedDemo(db, { modelBaseUrl: "http://demo.test" })).rejects.toThrow(/runs refused/);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER fail_demo_runs ON replay_runs");
      await db.$executeRawUnsafe("DROP FUNCTION fail_demo_runs()");
    }
    expect(await isDatabaseEmpty(db)).toBe(true);
    expect(await db.problem.count()).toBe(0);
    expect(await db.pattern.count()).toBe(0);
    expect(await db.modelVersion.count()).toBe(0);
  });
});
