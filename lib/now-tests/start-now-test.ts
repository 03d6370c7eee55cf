import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import { requestReplay } from "@/lib/replay/request-replay";

/**
 * In the caller's transaction: a replay run of the production version on every
 * current pattern (trigger `now_test`), its now-test row, and a copy of the
 * results the run will replace (results are upserted in place, so they are
 * kept here to compare with when the run finishes). 409 when the version is not
 * in production or a now-test of it is still running.
 */
export async function startNowTest(tx: Prisma.TransactionClient, input: { modelVersionId: string; createdById: string | null }) {
  const modelVersion = await tx.modelVersion.findUnique({ where: { id: input.modelVersionId }, select: { id: true, projectId: true, status: true, connectorRevision: true } });
  if (!modelVersion) throw new NotFoundError("Model version");
  const { projectId } = modelVersion;
  if (modelVersion.status !== "production") throw new ConflictError("Only the production version is now-tested (it is re-tested as it is served today).");
  // Serialises starts per version: two now-tests at once would copy each other's results.
  await tx.$executeRaw`SELECT 1 FROM model_versions WHERE id = ${modelVersion.id} FOR UPDATE`;
  const running = await tx.nowTest.findFirst({ where: { projectId, modelVersionId: modelVersion.id, status: "running" }, select: { id: true } });
  if (running) throw new ConflictError("A now-test of this version is still running.", { id: running.id });

  const run = await requestReplay(tx, { projectId, modelVersionId: modelVersion.id, trigger: "now_test", createdById: input.createdById });
  const nowTest = await tx.nowTest.create({
    data: { projectId, modelVersionId: modelVersion.id, replayRunId: run.id, connectorRevision: modelVersion.connectorRevision, createdById: input.createdById },
  });
  await tx.$executeRaw`
    INSERT INTO now_test_baselines (now_test_id, pattern_revision_id, pattern_id, problem_id, output_hash, verdict, connector_revision)
    SELECT ${nowTest.id}, r.pattern_revision_id, r.pattern_id, r.problem_id, r.output_hash, r.verdict, r.connector_revision
      FROM replay_run_items i
      JOIN results r ON r.model_version_id = ${modelVersion.id} AND r.pattern_revision_id = i.pattern_revision_id
     WHERE i.run_id = ${run.id}`;
  return { nowTest, run };
}
