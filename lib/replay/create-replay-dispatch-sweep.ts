import "server-only";
import type { JobSweep } from "@/lib/jobs/job-sweep";
import { dispatchQueuedRuns, type DispatchOptions } from "./dispatch-queued-runs";

/** The worker sweep that turns queued replay runs into queue jobs. */
export function createReplayDispatchSweep(options: DispatchOptions & { intervalMs?: number } = {}): JobSweep {
  return { name: "replay-dispatch", intervalMs: options.intervalMs ?? 500, run: (queue) => dispatchQueuedRuns(queue, options) };
}
