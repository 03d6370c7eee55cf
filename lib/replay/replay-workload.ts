import "server-only";
import type { WorkerWorkload } from "@/lib/jobs/start-worker";
import { createReplayDispatchSweep } from "./create-replay-dispatch-sweep";
import { replayBatchDeadLetterJob } from "./replay-batch-dead-letter-job";
import { replayBatchJob } from "./replay-batch-job";
import { WEB_PRESSURE_CHANNEL, noticeWebPressure } from "./web-pressure";

/** What a worker runs for replays: the batch job, its dead letters, the sweep that turns queued runs into jobs, and the web's "busy" signal replays yield to. */
export function replayWorkload(dispatch: Parameters<typeof createReplayDispatchSweep>[0] = {}): WorkerWorkload {
  return {
    jobs: [replayBatchDeadLetterJob, replayBatchJob],
    sweeps: [createReplayDispatchSweep(dispatch)],
    listeners: [{ channel: WEB_PRESSURE_CHANNEL, onNotify: noticeWebPressure }],
  };
}
