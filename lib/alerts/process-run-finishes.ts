import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { getGateResource } from "@/lib/gate/get-gate-resource";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import { finishNowTest } from "@/lib/now-tests/finish-now-test";
import { listCurrentSignoffs } from "@/lib/signoffs/list-current-signoffs";
import { emitProjectEvent } from "./emit-project-event";

type Finish = { runId: string; projectId: string; status: "completed" | "failed" };

/** What a completed run leaves to compare with the version's last recorded state. */
type Standing = {
  decision: string;
  overTarget: { id: string; key: string; title: string; errorRate: number | null; target: number }[];
  underTarget: { id: string; key: string; title: string; errorRate: number | null; target: number }[];
  staleSignoffs: { id: string; problemId: string; staleReason: string | null }[];
};

/**
 * The alerts sweep: each replay run that finished (a row the replay_runs trigger
 * wrote in the completing transaction) becomes its events — replay.completed or
 * replay.failed, the now-test's findings, and for a completed run gate.changed,
 * problem.crossed_target and signoff.stale against what the version's last run
 * left — then is marked processed in the same transaction. Reads (the gate,
 * sign-offs) happen before that transaction: on the embedded database a second
 * connection would wait for it. Dedupe keys make a finish seen by two workers
 * fire once.
 */
export async function processRunFinishes(limit = 10): Promise<number> {
  const finishes = await prisma().$queryRaw<Finish[]>`
    SELECT run_id AS "runId", project_id AS "projectId", status::text AS status
      FROM replay_run_finishes WHERE processed_at IS NULL ORDER BY created_at LIMIT ${limit}`;
  let processed = 0;
  for (const finish of finishes) {
    const run = await prisma().replayRun.findFirst({
      where: { id: finish.runId, projectId: finish.projectId },
      select: { id: true, projectId: true, modelVersionId: true, trigger: true, status: true, total: true, passed: true, failed: true, errored: true, ungraded: true, error: true, finishedAt: true },
    });
    const modelVersion = run ? await prisma().modelVersion.findFirst({ where: { id: run.modelVersionId, projectId: run.projectId }, select: { id: true, name: true, version: true, status: true } }) : null;
    const standing = run && modelVersion && finish.status === "completed" ? await readStanding(run.projectId, modelVersion.id) : null;
    const done = await prisma().$transaction(
      async (tx) => {
        const claimed = await tx.$queryRaw<{ runId: string }[]>`
          SELECT run_id AS "runId" FROM replay_run_finishes WHERE run_id = ${finish.runId} AND processed_at IS NULL FOR UPDATE SKIP LOCKED`;
        if (claimed.length === 0) return false;
        if (run && modelVersion) {
          const label = modelVersionLabel(modelVersion);
          const counts = { total: run.total, passed: run.passed, failed: run.failed, errored: run.errored, ungraded: run.ungraded };
          await emitProjectEvent(tx, {
            projectId: run.projectId,
            event: finish.status === "completed" ? "replay.completed" : "replay.failed",
            dedupeKey: run.id,
            payload: {
              summary:
                finish.status === "completed"
                  ? `Replay of ${label} completed: ${run.passed} passed, ${run.failed} failed, ${run.errored} errored of ${run.total}.`
                  : `Replay of ${label} failed: ${run.error ?? "a batch gave up"}.`,
              replayRunId: run.id,
              modelVersionId: modelVersion.id,
              trigger: run.trigger,
              ...counts,
              ...(run.error ? { error: run.error } : {}),
            },
          });
          await finishNowTest(tx, { id: run.id, projectId: run.projectId, status: finish.status });
          if (standing) await emitStandingChanges(tx, run.id, run.projectId, modelVersion, standing);
        }
        await tx.replayRunFinish.update({ where: { runId: finish.runId }, data: { processedAt: new Date() } });
        return true;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
    if (done) processed++;
  }
  return processed;
}

async function readStanding(projectId: string, modelVersionId: string): Promise<Standing> {
  const [gate, signoffs] = await Promise.all([getGateResource(modelVersionId, null), listCurrentSignoffs(projectId, modelVersionId)]);
  const rated = gate.problems.map((p) => ({ id: p.problemId, key: p.key, title: p.title, errorRate: p.errorRate, target: p.target }));
  return {
    decision: gate.decision,
    overTarget: rated.filter((p) => p.errorRate !== null && p.errorRate > p.target),
    underTarget: rated.filter((p) => p.errorRate !== null && p.errorRate <= p.target),
    staleSignoffs: signoffs.filter((s) => s.stale).map((s) => ({ id: s.id, problemId: s.problemId, staleReason: s.staleReason })),
  };
}

/** gate.changed and problem.crossed_target against the version's last recorded state (the first run only records it); signoff.stale once per sign-off. */
async function emitStandingChanges(
  tx: Prisma.TransactionClient,
  runId: string,
  projectId: string,
  modelVersion: { id: string; name: string; version: string; status: string },
  standing: Standing,
): Promise<void> {
  const label = modelVersionLabel(modelVersion);
  const previous = (
    await tx.$queryRaw<{ gateDecision: string | null; overTargetProblemIds: string[] }[]>`
      SELECT gate_decision AS "gateDecision", over_target_problem_ids AS "overTargetProblemIds"
        FROM model_version_alert_states WHERE model_version_id = ${modelVersion.id} FOR UPDATE`
  )[0];
  const overTargetIds = standing.overTarget.map((p) => p.id).sort();
  if (previous) {
    if (previous.gateDecision !== null && previous.gateDecision !== standing.decision) {
      await emitProjectEvent(tx, {
        projectId,
        event: "gate.changed",
        dedupeKey: `${modelVersion.id}:${runId}`,
        payload: { summary: `The gate of ${label} changed from ${previous.gateDecision} to ${standing.decision}.`, modelVersionId: modelVersion.id, replayRunId: runId, from: previous.gateDecision, to: standing.decision },
      });
    }
    const wasOver = new Set(previous.overTargetProblemIds);
    const nowOver = new Set(overTargetIds);
    const crossings = [
      ...standing.overTarget.filter((p) => !wasOver.has(p.id)).map((p) => ({ ...p, direction: "above" as const })),
      ...standing.underTarget.filter((p) => wasOver.has(p.id) && !nowOver.has(p.id)).map((p) => ({ ...p, direction: "below" as const })),
    ];
    for (const problem of crossings) {
      const rate = problem.errorRate === null ? "–" : `${(problem.errorRate * 100).toFixed(1)} %`;
      await emitProjectEvent(tx, {
        projectId,
        event: "problem.crossed_target",
        dedupeKey: `${problem.id}:${modelVersion.id}:${runId}`,
        payload: {
          summary: `${problem.key} ${problem.title} is now ${problem.direction} its target on ${label} (${rate}, target ${(problem.target * 100).toFixed(1)} %).`,
          problemId: problem.id,
          modelVersionId: modelVersion.id,
          replayRunId: runId,
          direction: problem.direction,
          errorRate: problem.errorRate,
          target: problem.target,
        },
      });
    }
  }
  for (const signoff of standing.staleSignoffs) {
    await emitProjectEvent(tx, {
      projectId,
      event: "signoff.stale",
      dedupeKey: signoff.id,
      payload: { summary: `A sign-off on ${label} turned stale: ${signoff.staleReason ?? "the evidence changed"}.`, signoffId: signoff.id, problemId: signoff.problemId, modelVersionId: modelVersion.id, staleReason: signoff.staleReason },
    });
  }
  await tx.$executeRaw`
    INSERT INTO model_version_alert_states (model_version_id, project_id, gate_decision, over_target_problem_ids, updated_at)
    VALUES (${modelVersion.id}, ${projectId}, ${standing.decision}, ${overTargetIds}::text[], now())
    ON CONFLICT (model_version_id) DO UPDATE SET gate_decision = EXCLUDED.gate_decision, over_target_problem_ids = EXCLUDED.over_target_problem_ids, updated_at = now()`;
}
