import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { ReplayTrigger } from "@/lib/db/generated/enums";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";

export type RequestReplayInput = {
  projectId: string;
  modelVersionId: string;
  trigger: ReplayTrigger;
  createdById?: string | null;
  /** Default: the current revision of every non-archived pattern of the project. */
  patternRevisionIds?: readonly string[];
};

/**
 * Creates a replay run (status queued) with one item per pattern revision, in
 * the caller's transaction. It holds no queue jobs yet: a worker's dispatcher
 * turns queued runs into jobs in one transaction (dispatch-queued-runs.ts), so
 * a committed run always gets its jobs and a rolled-back one never does.
 */
export async function requestReplay(tx: Prisma.TransactionClient, input: RequestReplayInput) {
  const { projectId, modelVersionId } = input;
  const modelVersion = await tx.modelVersion.findFirst({
    where: { id: modelVersionId, projectId },
    select: { id: true },
  });
  if (!modelVersion) throw new NotFoundError("Model version");

  const revisionIds = input.patternRevisionIds
    ? await existingRevisionIds(tx, projectId, input.patternRevisionIds)
    : (
        await tx.$queryRaw<{ id: string }[]>`
          SELECT current_revision_id AS id FROM patterns
           WHERE project_id = ${projectId} AND archived_at IS NULL AND current_revision_id IS NOT NULL`
      ).map((p) => p.id);
  revisionIds.sort();

  const now = new Date();
  const run = await tx.replayRun.create({
    data: {
      projectId,
      modelVersionId,
      trigger: input.trigger,
      createdById: input.createdById ?? null,
      total: revisionIds.length,
      ...(revisionIds.length === 0 ? { status: "completed", startedAt: now, finishedAt: now } : {}),
    },
  });
  if (revisionIds.length === 0) return run;
  // One statement for any number of items (a project may have tens of thousands of patterns).
  await tx.$executeRaw`
    INSERT INTO replay_run_items (run_id, pattern_revision_id, project_id)
    SELECT ${run.id}, id, ${projectId} FROM unnest(${revisionIds}::text[]) AS id`;
  return run;
}

async function existingRevisionIds(tx: Prisma.TransactionClient, projectId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await tx.patternRevision.findMany({ where: { projectId, id: { in: unique } }, select: { id: true } });
  if (found.length !== unique.length) {
    const known = new Set(found.map((r) => r.id));
    throw new ValidationError("Unknown pattern revisions for this project.", unique.filter((id) => !known.has(id)).slice(0, 20).map((id) => ({ path: "patternRevisionIds", message: `unknown revision ${id}` })));
  }
  return unique;
}
