import "server-only";
import type { JobResult } from "pg-boss";
import { JobInterruptedError, type JobDefinition } from "./job-definition";
import type { JobSweep } from "./job-sweep";
import { logger } from "@/lib/log/logger.mjs";
import { openJobQueue, type JobQueue } from "./open-job-queue";
import { MAX_GROUP_LIMIT } from "./send-jobs";

/**
 * The jobs and sweeps a domain hands to a worker (e.g. lib/replay/replay-workload.ts).
 * Domains register their own work; this layer never imports a domain.
 */
export type WorkerWorkload = {
  jobs: readonly JobDefinition[];
  /** Periodic sweeps, e.g. turning queued replay runs into jobs. */
  sweeps?: readonly JobSweep[];
  /** NOTIFY channels the worker LISTENs on for the domain, e.g. web processes saying they are busy. */
  listeners?: readonly { channel: string; onNotify: () => void }[];
};

export type WorkerOptions = WorkerWorkload & {
  /** Jobs of one queue this process runs at a time (independent pollers). */
  concurrency?: number;
  /** Jobs taken per fetch; a full fetch fetches again at once instead of waiting for the next poll. */
  fetchBatchSize?: number;
  /** Poll interval while busy (≥ 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Poll interval while idle (default 2 min): new jobs and queued runs wake the worker at once (NOTIFY) anyway. */
  idlePollingIntervalSeconds?: number;
  /** How often this worker looks for jobs of dead workers (expired heartbeats) and retries them while busy. */
  superviseIntervalSeconds?: number;
  /** The same while idle (default 5 min: a dead worker's jobs wait at most that long for an idle one; a worker still busy with the same run looks every busy interval). */
  idleSuperviseIntervalSeconds?: number;
  /** The worker counts as busy this long after its last sign of work (default 90 s; see startPacer). */
  busyWindowSeconds?: number;
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
  const busyPollMs = (options.pollingIntervalSeconds ?? 1) * 1000;
  const idlePollMs = Math.max(busyPollMs, (options.idlePollingIntervalSeconds ?? 120) * 1000);
  const queue = await openJobQueue({
    databaseUrl: options.databaseUrl,
    schema: options.schema,
    supervise: "manual",
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

  const pacer = startPacer({
    busyPollMs,
    idlePollMs,
    busySuperviseMs: (options.superviseIntervalSeconds ?? 10) * 1000,
    idleSuperviseMs: Math.max((options.superviseIntervalSeconds ?? 10) * 1000, (options.idleSuperviseIntervalSeconds ?? 300) * 1000),
    busyWindowMs: (options.busyWindowSeconds ?? 90) * 1000,
    supervise: () => queue.boss.supervise(),
    log,
  });

  // One pg-boss poller per slot (localConcurrency 1 each), so the pacer can wake every one of them by id:
  // all of them every busyPollMs while busy, one per queue every idlePollMs while idle; NOTIFY wakes them all for new jobs.
  for (const job of jobs) {
    for (let slot = 0; slot < Math.min(concurrency, job.maxConcurrency ?? concurrency); slot++) {
      let pollerId = "";
      pollerId = await queue.boss.work<object>(
        job.name,
        {
          localConcurrency: 1,
          batchSize: fetchBatchSize,
          burstWhenBatchFull: fetchBatchSize > 1,
          // A backstop only: the pacer wakes the pollers (see startPacer).
          pollingIntervalSeconds: (4 * idlePollMs) / 1000,
          notifyPollingIntervalSeconds: (4 * idlePollMs) / 1000,
          groupConcurrency: { default: 1, tiers: GROUP_TIERS },
          perJobResults: true,
        },
        async (fetched): Promise<JobResult[]> => {
          pacer.touch();
          try {
            return await track(
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
            );
          } finally {
            pacer.touch();
            // A slot that just finished looks for the next job now, not at its next poll.
            if (!stopping.signal.aborted) queue.boss.notifyWorker(pollerId);
          }
        },
      );
      pacer.addPoller(() => queue.boss.notifyWorker(pollerId), { whenIdle: slot === 0 });
    }
  }
  const sweepLoops = await Promise.all((options.sweeps ?? []).map((sweep) => startSweep(sweep, queue, log, pacer)));
  const listeners = await Promise.all(
    (options.listeners ?? []).map(({ channel, onNotify }) =>
      queue.listen(channel, onNotify).catch((error: unknown) => {
        log(`cannot LISTEN on ${channel} (${error instanceof Error ? error.message : String(error)})`);
        return undefined;
      }),
    ),
  );
  log(`working ${jobs.map((j) => j.name).join(", ")} (concurrency ${concurrency}, fetch ${fetchBatchSize})`);

  let stopped: Promise<void> | undefined;
  return {
    stop({ timeoutMs = 30_000 } = {}) {
      stopped ??= (async () => {
        const started = performance.now();
        const since = () => `${Math.round(performance.now() - started)} ms`;
        stopping.abort();
        await pacer.stop();
        await Promise.all([...sweepLoops.map((loop) => loop.stop()), ...listeners.map((listener) => listener?.close())]);
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

type Pacer = {
  /** A sign of work (a job started or ended, a sweep found work, a NOTIFY): busy for the next busy window. */
  touch(): void;
  busy(): boolean;
  /** Wakes a pg-boss poller every busy poll interval while busy, and with `whenIdle` every idle one while idle. */
  addPoller(wake: () => void, options: { whenIdle: boolean }): void;
  stop(): Promise<void>;
};

/**
 * One timer per worker instead of a poll per queue slot: while busy (a sign of
 * work within the busy window) it wakes every poller every busyPollMs and
 * supervises every busySuperviseMs, as before; while idle it wakes one poller
 * per queue every idlePollMs and supervises every idleSuperviseMs. The window is
 * longer than a job's heartbeat expiry plus the first retry delays, so jobs
 * freed by a group limit, a retry delay or another worker's death while work
 * goes on are still picked up at the busy pace; new jobs and queued runs wake an
 * idle worker at once (LISTEN/NOTIFY). A worker starts busy (it may be the
 * restart of one that died mid-run).
 */
function startPacer(options: {
  busyPollMs: number;
  idlePollMs: number;
  busySuperviseMs: number;
  idleSuperviseMs: number;
  busyWindowMs: number;
  supervise: () => Promise<void>;
  log: (message: string) => void;
}): Pacer {
  let lastWork = performance.now();
  let lastSupervise = -Infinity;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let supervising: Promise<void> = Promise.resolve();
  const pollers: { wake: () => void; whenIdle: boolean }[] = [];
  const busy = () => performance.now() - lastWork < options.busyWindowMs;
  const tick = () => {
    if (stopped) return;
    const isBusy = busy();
    for (const poller of pollers) if (isBusy || poller.whenIdle) poller.wake();
    const superviseEvery = isBusy ? options.busySuperviseMs : options.idleSuperviseMs;
    if (performance.now() - lastSupervise >= superviseEvery - 5) {
      lastSupervise = performance.now();
      supervising = options.supervise().catch((error: unknown) => options.log(`supervise failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    schedule();
  };
  const schedule = () => {
    clearTimeout(timer);
    if (stopped) return;
    const delay = busy() ? Math.min(options.busyPollMs, options.busySuperviseMs) : Math.min(options.idlePollMs, options.idleSuperviseMs);
    timer = setTimeout(tick, delay);
  };
  schedule();
  return {
    touch() {
      const wasBusy = busy();
      lastWork = performance.now();
      if (!wasBusy) schedule(); // from the idle pace back to the busy one now
    },
    busy,
    addPoller(wake, { whenIdle }) {
      pollers.push({ wake, whenIdle });
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await supervising;
    },
  };
}

async function startSweep(sweep: JobSweep, queue: JobQueue, log: (message: string) => void, pacer: Pacer) {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  let running = false;
  let again = false;
  const tick = () => {
    clearTimeout(timer);
    if (stopping) return;
    if (running) {
      again = true; // notified while sweeping: sweep once more right after
      return;
    }
    running = true;
    current = (async () => {
      let found = 0;
      try {
        found = await sweep.run(queue);
      } catch (error) {
        log(`${sweep.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      running = false;
      if (found > 0) pacer.touch();
      const now = found > 0 || again;
      again = false;
      if (!stopping) timer = setTimeout(tick, now ? 0 : sweep.intervalMs);
    })();
  };
  const listener = sweep.channel
    ? await queue.listen(sweep.channel, () => {
        pacer.touch();
        tick();
      }).catch((error: unknown) => {
        log(`${sweep.name}: cannot LISTEN on ${sweep.channel} (${error instanceof Error ? error.message : String(error)}); sweeping every ${sweep.intervalMs} ms only`);
        return undefined;
      })
    : undefined;
  if (!listener) tick(); // a listener sweeps once it listens (and after every reconnect)
  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await listener?.close();
      await current;
    },
  };
}
