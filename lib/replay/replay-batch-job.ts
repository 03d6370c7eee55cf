import "server-only";
import { defineJob } from "@/lib/jobs/job-definition";
import { replayBatchPayloadSchema } from "./replay-batch.schema";
import { replayTimings } from "./replay-timings";
import { runReplayBatch } from "./run-replay-batch";
import { REPLAY_BATCH_DEAD_LETTER } from "./replay-batch-dead-letter-job";

/**
 * One batch of a replay run. Queue-level retries (with backoff) cover a worker
 * that crashed or lost its database; per-item transient model errors are
 * retried inside the handler. After the last queue retry the payload goes to
 * the dead-letter job, which records the batch's remaining items as `error`.
 */
export const replayBatchJob = defineJob({
  name: "replay-batch",
  payloadSchema: replayBatchPayloadSchema,
  handler: async (payload, context) => {
    const started = performance.now();
    try {
      await runReplayBatch(payload, { signal: context.signal });
    } finally {
      replayTimings.add("handler", performance.now() - started);
    }
  },
  queue: { retryLimit: 3, retryDelaySeconds: 2, heartbeatSeconds: 10, deadLetter: REPLAY_BATCH_DEAD_LETTER },
});
