import "server-only";
import type { WorkerWorkload } from "@/lib/jobs/start-worker";
import { createReplayDispatchSweep } from "./create-replay-dispatch-sweep";
import { replayBatchDeadLetterJob } from "./replay-batch-dead-letter-job";
import { replayBatchJob } from "./replay-batch-job";

/** What a worker runs for replays: the batch job, its dead letters, and the sweep that turns queued runs into jobs. */
export function replayWorkload(dispatch: Parameters<typeof createReplayDispatchSweep>[0] = {}): WorkerWorkload {
  return { jobs: [replayBatchDeadLetterJob, replayBatchJob], sweeps: [createReplayDispatchSweep(dispatch)] };
}
