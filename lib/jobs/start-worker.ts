import "server-only";
import type { JobResult } from "pg-boss";
import { JobInterruptedError, type JobDefinition } from "./job-definition";
import type { JobSweep } from "./job-sweep";
import { logger } from "@/lib/log/logger.mjs";
import { openJobQueue } from "./open-job-queue";
import { MAX_GROUP_LIMIT } from "./send-jobs";

/**
 * The jobs and sweeps a domain hands to a worker (e.g. lib/replay/replay-workload.ts).
 * Domains register their own work; this layer never imports a domain.
 */
export type WorkerWorkload = {
  jobs: readonly JobDefinition[];
  /** Periodic sweeps, e.g. turning queued replay runs into jobs. */
  sweeps?: readonly JobSweep[];
};

export type WorkerOptions = WorkerWorkload & {
  /** Jobs of one queue this process runs at a time (independent pollers). */
  concurrency?: number;
  /** Jobs taken per fetch; a full fetch fetches again at once instead of waiting for the next poll. */
  fetchBatchSize?: number;
  /** Idle poll interval (≥ 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How often this worker looks for jobs of dead workers (expired heartbeats) and retries them. */
  superviseIntervalSeconds?: number;
  databaseUrl?: string;
  schema?: string;
  log?: (message: string) => void;
};

export type Worker = {
  /**
   * Stops fetching, tells running handlers to stop (their context's signal),
   * waits for them up to `timeoutMs`, queues interrupted jobs again at once,
   * and closes the queue's connections.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
};

// Group limits are carried on each job as a "tier" named after the limit ("1" … "128"),
// so one fetch can honour a different limit per model version.
const GROUP_TIERS = Object.fromEntries(Array.from({ length: MAX_GROUP_LIMIT }, (_, i) => [String(i + 1), i + 1]));

const workerLog = logger().child({ process: "worker" });

/** Starts working every given job definition until stop() (which lets running jobs finish). */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const jobs = options.jobs;
  const log = options.log ?? ((message: string) => workerLog.info(message));
  const concurrency = options.concurrency ?? 4;
  const fetchBatchSize = options.fetchBatchSize ?? 1;
  const queue = await openJobQueue({
    databaseUrl: options.databaseUrl,
    schema: options.schema,
    supervise: true,
    superviseIntervalSeconds: options.superviseIntervalSeconds,
    maxConnections: Math.max(4, concurrency + 2),
  });
  for (const job of jobs) await queue.ensureQueue(job);
  const stopping = new AbortController();
  /** Handlers running now: stop() waits for them itself, before pg-boss's own (longer) graceful stop. */
  const running = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => undefined);
    return work;
  };
  /** Jobs whose handler stopped early for the shutdown, by queue: queued again once the queue has settled them. */
  const interrupted = new Map<string, string[]>();

  for (const job of jobs) {
    await queue.boss.work<object>(
      job.name,
      {
        localConcurrency: concurrency,
        batchSize: fetchBatchSize,
        burstWhenBatchFull: fetchBatchSize > 1,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
        // NOTIFY wakes workers for new jobs only; jobs freed by a group limit, a retry delay or a dead worker are found by polling, so keep it as frequent.
        notifyPollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
        groupConcurrency: { default: 1, tiers: GROUP_TIERS },
        perJobResults: true,
      },
      async (fetched): Promise<JobResult[]> =>
        track(
          Promise.all(fetched.map(async (entry): Promise<JobResult> => {
            const parsed = job.payloadSchema.safeParse(entry.data);
            if (!parsed.success) {
              log(`${job.name} ${entry.id}: invalid payload, dropped: ${parsed.error.message}`);
              return { id: entry.id, status: "deadletter", output: { error: "invalid payload" } };
            }
            try {
              await job.handler(parsed.data, {
                jobId: entry.id,
                retryCount: entry.retryCount,
                isLastAttempt: entry.retryCount >= job.queue.retryLimit,
                signal: AbortSignal.any([stopping.signal, entry.signal]),
              });
              return { id: entry.id, status: "completed" };
            } catch (error) {
              if (error instanceof JobInterruptedError && stopping.signal.aborted) {
                // Failed with one more attempt allowed, so this one does not count; requeueInterrupted() makes it due at once.
                await queue.grantExtraAttempt(job.name, entry.id);
                interrupted.set(job.name, [...(interrupted.get(job.name) ?? []), entry.id]);
                log(`${job.name} ${entry.id}: interrupted by the shutdown, queued again`);
                return { id: entry.id, status: "failed", output: { error: error.message } };
              }
              const message = error instanceof Error ? error.message : String(error);
              log(`${job.name} ${entry.id} attempt ${entry.retryCount + 1} failed: ${message}`);
              return { id: entry.id, status: "failed", output: { error: message } };
            }
          })),
        ),
    );
  }
  const sweepLoops = (options.sweeps ?? []).map((sweep) => startSweep(sweep, queue, log));
  log(`working ${jobs.map((j) => j.name).join(", ")} (concurrency ${concurrency}, fetch ${fetchBatchSize})`);

  let stopped: Promise<void> | undefined;
  return {
    stop({ timeoutMs = 30_000 } = {}) {
      stopped ??= (async () => {
        const started = performance.now();
        const since = () => `${Math.round(performance.now() - started)} ms`;
        stopping.abort();
        await Promise.all(sweepLoops.map((loop) => loop.stop()));
        const settled = Promise.allSettled([...running]).then(() => true);
        const inTime = await Promise.race([settled, new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref())]);
        log(inTime ? `running jobs settled after ${since()}` : `running jobs still busy after ${since()}; the queue fails them`);
        // Handlers are done: pg-boss's own grace (which also waits for its maintenance) need not be long.
        await queue.close({ graceful: true, timeoutMs: inTime ? 1_000 : timeoutMs, keepConnections: true });
        for (const [name, ids] of interrupted) await queue.makeDue(name, ids).catch((error: unknown) => log(`could not queue ${name} ${ids.join(", ")} again at once: ${String(error)}`));
        await queue.close();
        log(`stopped after ${since()}`);
      })();
      return stopped;
    },
  };
}

function startSweep(sweep: JobSweep, queue: Parameters<JobSweep["run"]>[0], log: (message: string) => void) {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    current = (async () => {
      let found = 0;
      try {
        found = await sweep.run(queue);
      } catch (error) {
        log(`${sweep.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!stopping) timer = setTimeout(tick, found > 0 ? 0 : sweep.intervalMs);
    })();
  };
  tick();
  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await current;
    },
  };
}
