import "server-only";
import type { JobDefinition } from "./job-definition";
import type { JobSweep } from "./job-sweep";
import { createReplayDispatchSweep } from "@/lib/replay/create-replay-dispatch-sweep";
import { replayBatchJob } from "@/lib/replay/replay-batch-job";
import { replayBatchDeadLetterJob } from "@/lib/replay/replay-batch-dead-letter-job";

/** Every background job Ratchet defines: what `startWorker` works by default. */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [replayBatchDeadLetterJob, replayBatchJob];

/** Every periodic sweep a worker runs by default. */
export function defaultJobSweeps(): JobSweep[] {
  return [createReplayDispatchSweep()];
}
