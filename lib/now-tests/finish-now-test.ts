import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { emitProjectEvent } from "@/lib/alerts/emit-project-event";

type Row = {
  patternId: string;
  problemId: string;
  beforeHash: string | null;
  beforeVerdict: string | null;
  afterHash: string | null;
  afterVerdict: string | null;
  sameConfiguration: boolean;
};

/** Failed / (passed + failed), over the given verdicts; null without any. */
function errorRate(verdicts: (string | null)[]): number | null {
  let passed = 0;
  let failed = 0;
  for (const v of verdicts) {
    if (v === "pass") passed++;
    else if (v === "fail") failed++;
  }
  return passed + failed === 0 ? null : failed / (passed + failed);
}

/**
 * When a now-test's run has finished (in the alerts sweep's transaction): its
 * findings against the results it replaced — patterns whose output hash
 * changed although the version and its connector configuration did not, and
 * problems whose error rate over the compared patterns crossed the target —
 * and `now_test.changed_outputs` when any output changed. Does nothing for a
 * run that is not a now-test's or a now-test already finished.
 */
export async function finishNowTest(tx: Prisma.TransactionClient, run: { id: string; projectId: string; status: "completed" | "failed" }): Promise<void> {
  const nowTest = await tx.nowTest.findFirst({
    where: { replayRunId: run.id, projectId: run.projectId, status: "running" },
    select: { id: true, modelVersionId: true, connectorRevision: true },
  });
  if (!nowTest) return;
  const modelVersion = await tx.modelVersion.findFirstOrThrow({ where: { id: nowTest.modelVersionId, projectId: run.projectId }, select: { name: true, version: true } });
  // The run's own items hold its outputs (a later run may already have replaced the results).
  const rows = await tx.$queryRaw<Row[]>`
    SELECT b.pattern_id AS "patternId", b.problem_id AS "problemId",
           b.output_hash AS "beforeHash", b.verdict::text AS "beforeVerdict",
           i.output_hash AS "afterHash", i.verdict::text AS "afterVerdict",
           b.connector_revision = ${nowTest.connectorRevision} AS "sameConfiguration"
      FROM now_test_baselines b
      JOIN replay_run_items i ON i.run_id = ${run.id} AND i.pattern_revision_id = b.pattern_revision_id AND i.finished_at IS NOT NULL
     WHERE b.now_test_id = ${nowTest.id}
     ORDER BY b.pattern_id`;
  const compared = rows.filter((r) => r.sameConfiguration && r.beforeHash !== null && r.afterHash !== null);
  const changedOutputs = compared.filter((r) => r.beforeHash !== r.afterHash).map((r) => r.patternId);

  const byProblem = new Map<string, Row[]>();
  for (const row of rows.filter((r) => r.sameConfiguration)) byProblem.set(row.problemId, [...(byProblem.get(row.problemId) ?? []), row]);
  const problems = await tx.problem.findMany({ where: { projectId: run.projectId, id: { in: [...byProblem.keys()] } }, select: { id: true, key: true, target: true } });
  const crossed = problems.filter((problem) => {
    const settled = (byProblem.get(problem.id) ?? []).filter((r) => isSettled(r.beforeVerdict) && isSettled(r.afterVerdict));
    const before = errorRate(settled.map((r) => r.beforeVerdict));
    const after = errorRate(settled.map((r) => r.afterVerdict));
    return before !== null && after !== null && before > problem.target !== after > problem.target;
  });

  await tx.nowTest.update({
    where: { id: nowTest.id, projectId: run.projectId },
    data: { status: run.status, compared: compared.length, changedOutputs, crossedTarget: crossed.map((p) => p.id), finishedAt: new Date() },
  });
  if (changedOutputs.length > 0) {
    const label = `${modelVersion.name} ${modelVersion.version}`;
    await emitProjectEvent(tx, {
      projectId: run.projectId,
      event: "now_test.changed_outputs",
      dedupeKey: nowTest.id,
      payload: {
        summary: `${changedOutputs.length} of ${compared.length} outputs of ${label} changed although the version did not.`,
        nowTestId: nowTest.id,
        modelVersionId: nowTest.modelVersionId,
        replayRunId: run.id,
        compared: compared.length,
        changedOutputs: changedOutputs.slice(0, 1000),
        crossedTarget: crossed.map((p) => p.id),
      },
    });
  }
}

function isSettled(verdict: string | null): boolean {
  return verdict === "pass" || verdict === "fail";
}
