import type { z } from "zod";

// A background job is { name, payload schema, handler } plus how the queue
// should treat it. Nothing here names the queue engine: lib/jobs/*-job-queue.ts
// map these settings onto pg-boss, so the engine can change without touching callers.

export type JobContext = {
  jobId: string;
  /** 0 on the first attempt. */
  retryCount: number;
  /** True on the attempt after which the queue gives up. */
  isLastAttempt: boolean;
  /**
   * Aborted when the worker is stopping (SIGTERM) or lost the job. A handler
   * that cannot finish soon finishes its current write, releases what it holds
   * and throws JobInterruptedError: the job is then queued again at once, and
   * the interruption does not count as an attempt.
   */
  signal: AbortSignal;
};

/** Thrown by a handler that stopped early because its context's signal was aborted. */
export class JobInterruptedError extends Error {
  constructor() {
    super("the worker stopped before the job finished");
    this.name = "JobInterruptedError";
  }
}

export type JobQueueSettings = {
  /** Attempts after the first when the handler throws or its worker dies. */
  retryLimit: number;
  /** Seconds before the first retry; doubled on each later one. */
  retryDelaySeconds: number;
  /** A job whose worker stops sending heartbeats this long is retried elsewhere (≥ 10 s). */
  heartbeatSeconds: number;
  /** Default longest run of one job before it is treated as failed. */
  expireInSeconds: number;
  /** Name of the job that receives this job's payload once every retry has failed. */
  deadLetter?: string;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  payloadSchema: S;
  // Method syntax on purpose: a list of definitions with different payloads stays assignable to JobDefinition[].
  handler(payload: z.output<S>, context: JobContext): Promise<void>;
  queue: JobQueueSettings;
  /**
   * Jobs of this kind one worker process runs at a time, at most (default: the
   * worker's --concurrency). Each is a poller that asks the queue for work while
   * the worker is busy, so rare jobs (dead letters, webhooks) keep theirs few.
   */
  maxConcurrency?: number;
};

export const DEFAULT_JOB_QUEUE_SETTINGS: JobQueueSettings = {
  retryLimit: 3,
  retryDelaySeconds: 2,
  heartbeatSeconds: 30,
  expireInSeconds: 15 * 60,
};

/** Declares a job; the returned value is what producers send and workers work. */
export function defineJob<S extends z.ZodType>(definition: {
  name: string;
  payloadSchema: S;
  handler: (payload: z.output<S>, context: JobContext) => Promise<void>;
  queue?: Partial<JobQueueSettings>;
  maxConcurrency?: number;
}): JobDefinition<S> {
  return { ...definition, queue: { ...DEFAULT_JOB_QUEUE_SETTINGS, ...definition.queue } };
}
