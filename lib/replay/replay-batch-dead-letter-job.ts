import "server-only";
import { defineJob } from "@/lib/jobs/job-definition";
import { prisma } from "@/lib/db/prisma";
import { replayBatchPayloadSchema } from "./replay-batch.schema";
import { errorOutcome, writeReplayOutcomes } from "./write-replay-outcomes";

export const REPLAY_BATCH_DEAD_LETTER = "replay-batch-dead";

/** A batch that failed every attempt: its unfinished items become `error` results and the run ends `failed`. */
export const replayBatchDeadLetterJob = defineJob({
  name: REPLAY_BATCH_DEAD_LETTER,
  payloadSchema: replayBatchPayloadSchema,
  handler: async ({ runId, projectId, modelVersionId, patternRevisionIds }) => {
    const db = prisma();
    const reason = "the replay worker failed on every attempt for this batch (see worker logs)";
    await db.replayRun.updateMany({ where: { id: runId, projectId, error: null }, data: { error: reason } });
    const unfinished = await db.replayRunItem.findMany({
      where: { runId, projectId, patternRevisionId: { in: patternRevisionIds }, finishedAt: null },
      select: { patternRevisionId: true },
    });
    const revisions = await db.patternRevision.findMany({
      where: { projectId, id: { in: unfinished.map((u) => u.patternRevisionId) } },
      select: { id: true, patternId: true, pattern: { select: { problemId: true } } },
    });
    await writeReplayOutcomes(
      { id: runId, projectId, modelVersionId },
      revisions.map((r) => errorOutcome({ patternRevisionId: r.id, patternId: r.patternId, problemId: r.pattern.problemId }, reason)),
    );
  },
  queue: { retryLimit: 5, retryDelaySeconds: 5 },
  // Rare (a batch that failed every attempt), and one is quick: a poller of its own is enough.
  maxConcurrency: 1,
});
