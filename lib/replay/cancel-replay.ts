import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import { getJobQueue } from "@/lib/jobs/get-job-queue";
import { getReplayRun } from "./get-replay-run";
import { replayBatchJob } from "./replay-batch-job";

/**
 * Cancels a queued or running run: its queued jobs are cancelled in the queue,
 * and a batch already running stops at its next write (it checks the run's status).
 */
export async function cancelReplay(actor: Actor, runId: string) {
  const run = await prisma().replayRun.findUnique({ where: { id: runId }, select: { id: true, projectId: true, status: true } });
  if (!run) throw new NotFoundError("Replay run");
  const updated = await prisma().$transaction(async (tx) => {
    const { count } = await tx.replayRun.updateMany({
      where: { id: run.id, projectId: run.projectId, status: { in: ["queued", "running"] } },
      data: { status: "cancelled", finishedAt: new Date() },
    });
    if (count) await recordAuditEvent(actor, { action: "replay.cancel", entityType: "replay_run", entityId: run.id, projectId: run.projectId }, tx);
    return count;
  });
  if (!updated) throw new ConflictError(`The replay run is already ${run.status}.`);
  await (await getJobQueue()).cancelQueued(replayBatchJob, { runId: run.id });
  return getReplayRun(run.id, run.projectId);
}
