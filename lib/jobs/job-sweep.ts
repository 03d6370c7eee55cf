import type { JobQueue } from "./open-job-queue";

/**
 * Periodic work a worker does besides jobs, e.g. turning queued replay runs
 * into jobs. Every worker runs every sweep; a sweep must be safe to run in many
 * processes at once (row locks with SKIP LOCKED). Returning a positive number
 * (work found) runs it again at once.
 */
export type JobSweep = {
  name: string;
  /** Runs at least this often: a backstop when `channel` is set. */
  intervalMs: number;
  /** A NOTIFY on this channel (e.g. from a trigger on the rows it sweeps) runs the sweep at once. */
  channel?: string;
  run(queue: JobQueue): Promise<number>;
};
