import "server-only";
import type { JobSweep } from "@/lib/jobs/job-sweep";
import { dispatchQueuedRuns, type DispatchOptions } from "./dispatch-queued-runs";

/** NOTIFYed by a trigger on replay_runs whenever a run is queued undispatched (migration 20261203101500). */
export const REPLAY_DISPATCH_CHANNEL = "ratchet_jobs";

/**
 * The worker sweep that turns queued replay runs into queue jobs: at once when a
 * run is queued (NOTIFY), and every `intervalMs` (default 5 min) as a backstop (a LISTEN reconnect sweeps too).
 */
export function createReplayDispatchSweep(options: DispatchOptions & { intervalMs?: number } = {}): JobSweep {
  return {
    name: "replay-dispatch",
    intervalMs: options.intervalMs ?? 300_000,
    channel: REPLAY_DISPATCH_CHANNEL,
    run: (queue) => dispatchQueuedRuns(queue, options),
  };
}
