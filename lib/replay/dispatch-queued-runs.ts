import "server-only";
import { connectorBatchSize } from "@/lib/connectors/create-connector";
import { prisma } from "@/lib/db/prisma";
import type { JobQueue } from "@/lib/jobs/open-job-queue";
import { sendJobs } from "@/lib/jobs/send-jobs";
import { replayBatchJob } from "./replay-batch-job";

export type DispatchOptions = {
  /** Revisions per queue job; default max(500, maxBatchSize × concurrency): one job keeps every slot of the model busy. */
  itemsPerJob?: number;
  /** Runs dispatched per call at most. */
  limit?: number;
};

export const DEFAULT_ITEMS_PER_JOB = 500;
const MAX_ITEMS_PER_JOB = 4096;
/** pg-boss refuses expirations past 24 h. */
const MAX_EXPIRE_SECONDS = 23 * 60 * 60;

/**
 * Turns queued, undispatched runs into replay-batch jobs, marking each run
 * dispatched in the same transaction as its jobs. Many workers may call it at
 * once: SKIP LOCKED hands each run to one of them. Jobs of one model version
 * share a queue limit group sized by its concurrency, across every worker.
 */
export async function dispatchQueuedRuns(queue: JobQueue, options: DispatchOptions = {}): Promise<number> {
  await queue.ensureQueue(replayBatchJob);
  return prisma().$transaction(
    async (tx) => {
      const runs = await tx.$queryRaw<{ id: string; projectId: string; modelVersionId: string }[]>`
        SELECT id, project_id AS "projectId", model_version_id AS "modelVersionId"
          FROM replay_runs
         WHERE status = 'queued' AND dispatched_at IS NULL
         ORDER BY created_at
         LIMIT ${options.limit ?? 20}
         FOR UPDATE SKIP LOCKED`;
      for (const run of runs) {
        const modelVersion = await tx.modelVersion.findFirstOrThrow({
          where: { id: run.modelVersionId, projectId: run.projectId },
          select: { connector: true, concurrency: true, timeoutMs: true },
        });
        // Raw: the ORM's row objects cost more than the query for a run of many thousand items.
        const items = await tx.$queryRaw<{ patternRevisionId: string }[]>`
          SELECT pattern_revision_id AS "patternRevisionId" FROM replay_run_items
           WHERE run_id = ${run.id} AND project_id = ${run.projectId} AND finished_at IS NULL
           ORDER BY pattern_revision_id`;
        const maxBatchSize = connectorBatchSize(modelVersion.connector);
        const itemsPerJob = Math.min(MAX_ITEMS_PER_JOB, Math.max(1, options.itemsPerJob ?? Math.max(DEFAULT_ITEMS_PER_JOB, maxBatchSize * modelVersion.concurrency)));
        const ids = items.map((i) => i.patternRevisionId);
        const jobs = [];
        for (let start = 0; start < ids.length; start += itemsPerJob) {
          const patternRevisionIds = ids.slice(start, start + itemsPerJob);
          const calls = Math.ceil(patternRevisionIds.length / maxBatchSize);
          // Long enough for every call of the batch to time out on every retry; a dead worker is noticed by heartbeat instead.
          const expireInSeconds = Math.min(MAX_EXPIRE_SECONDS, 60 + (calls * 3 * (modelVersion.timeoutMs + 5_000)) / 1000);
          jobs.push({
            payload: { runId: run.id, projectId: run.projectId, modelVersionId: run.modelVersionId, patternRevisionIds },
            options: { limitGroup: { key: run.modelVersionId, limit: modelVersion.concurrency }, expireInSeconds },
          });
        }
        await sendJobs(queue, replayBatchJob, jobs, { tx });
        await tx.replayRun.update({ where: { id: run.id, projectId: run.projectId }, data: { dispatchedAt: new Date() } });
      }
      return runs.length;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
