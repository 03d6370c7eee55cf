import "server-only";
import { openJobQueue, type JobQueue } from "./open-job-queue";

// Producers (web requests, seeders) share one queue connection per process,
// kept on globalThis so Next's dev reloads do not open a new pool on every edit.
const globalForJobs = globalThis as unknown as { ratchetJobQueue?: Promise<JobQueue> };

export function getJobQueue(): Promise<JobQueue> {
  globalForJobs.ratchetJobQueue ??= openJobQueue({ supervise: false }).catch((error: unknown) => {
    globalForJobs.ratchetJobQueue = undefined;
    throw error;
  });
  return globalForJobs.ratchetJobQueue;
}
