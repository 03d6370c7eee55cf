import "server-only";
import type { PoolConfig } from "pg";
import { PgBoss } from "pg-boss";
import { POOL_IDLE_TIMEOUT_MS } from "@/lib/db/pool-idle-timeout";
import { requireDatabaseUrl } from "@/lib/env";
import { logger } from "@/lib/log/logger.mjs";
import type { JobDefinition } from "./job-definition";

// The one place that knows the queue engine is pg-boss (PostgreSQL-backed, so
// the embedded database and a real server behave the same).

export type JobQueue = {
  /** The engine itself: only lib/jobs (sending, working) may touch it. */
  boss: PgBoss;
  /** Creates the job's queue (and its dead-letter queue) once per process. */
  ensureQueue(definition: JobDefinition): Promise<void>;
  /** Cancels the definition's jobs still waiting in the queue whose payload contains `payloadMatch`; returns how many. */
  cancelQueued(definition: JobDefinition, payloadMatch: Record<string, unknown>): Promise<number>;
  /** Gives an active job one more attempt, so failing it now retries it instead of dead-lettering it. */
  grantExtraAttempt(name: string, jobId: string): Promise<void>;
  /** Makes jobs waiting for a retry due now (an interrupted job need not wait out the retry delay). */
  makeDue(name: string, jobIds: string[]): Promise<void>;
  /**
   * LISTENs on `channel` on a connection of its own (reconnected when lost) and calls `onNotify`
   * for each NOTIFY, and once after every reconnect (notifications meanwhile were missed).
   */
  listen(channel: string, onNotify: () => void): Promise<{ close(): Promise<void> }>;
  /** Stops workers (graceful: waits for running handlers up to timeoutMs); `keepConnections` leaves the pool open for a last query. */
  close(options?: { graceful?: boolean; timeoutMs?: number; keepConnections?: boolean }): Promise<void>;
};

export type JobQueueOptions = {
  databaseUrl?: string;
  /** PostgreSQL schema of the queue tables. */
  schema?: string;
  /**
   * Workers supervise (expire jobs of dead workers, retry, dead-letter); producers need not.
   * "manual": the caller runs `boss.supervise()` itself, at a pace of its own (lib/jobs/start-worker.ts
   * supervises often while busy, rarely while idle); pg-boss runs no supervise timer.
   */
  supervise?: boolean | "manual";
  superviseIntervalSeconds?: number;
  /** Connections the queue may open. */
  maxConnections?: number;
  /**
   * Workers LISTEN on one extra connection and are woken the moment jobs are
   * inserted (committed), instead of at their next poll; polling still runs.
   * Default: on when supervising (workers), off for producers.
   */
  listen?: boolean;
};

export const DEFAULT_JOB_SCHEMA = "pgboss";

const poolIdleTimeout: Pick<PoolConfig, "idleTimeoutMillis"> = { idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS };

export async function openJobQueue(options: JobQueueOptions = {}): Promise<JobQueue> {
  const worker = (options.supervise ?? false) !== false;
  const schema = options.schema ?? DEFAULT_JOB_SCHEMA;
  const boss = new PgBoss({
    connectionString: options.databaseUrl ?? requireDatabaseUrl(),
    schema,
    max: options.maxConnections ?? 4,
    // pg-boss hands its options to pg.Pool (its types do not list this one): idle connections kept like the app's own.
    ...poolIdleTimeout,
    supervise: options.supervise === true,
    schedule: false,
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 10,
    // Queue statistics (pg-boss's own; GET /api/metrics counts the job table itself) need not be fresher.
    monitorIntervalSeconds: Math.max(60, options.superviseIntervalSeconds ?? 10),
    // Off: pg-boss's instance registry is informational (workers' heartbeats are in worker_metrics), and
    // its host-health probe samples event-loop delay every 20 ms (monitorEventLoopDelay) — 50 wake-ups a
    // second, most of an idle worker's CPU (perf on an idle worker: hdr_record_value under uv__run_timers).
    registerInstance: false,
    useListenNotify: options.listen ?? worker,
    // A dropped listener connection is noticed at once ('end'/'error'); the same-session check may be rare.
    notifyHeartbeatIntervalMs: 60_000,
    openTelemetry: { enabled: false },
  });
  // Message and code only: pg-boss passes on pg's errors, which can carry the whole pg Client
  // (user, host, database) and would repeat it on every poll while the database is away.
  boss.on("error", (error: unknown) => {
    const { message, code } = error as { message?: unknown; code?: unknown };
    logger().error({ err: { message: String(message ?? error), ...(typeof code === "string" ? { code } : {}) } }, "job queue error");
  });
  await boss.start();

  const created = new Map<string, Promise<void>>();
  const createOnce = (name: string, create: () => Promise<void>) => {
    let pending = created.get(name);
    if (!pending) {
      pending = create().catch((error: unknown) => {
        created.delete(name);
        throw error;
      });
      created.set(name, pending);
    }
    return pending;
  };

  const jobQueue: JobQueue = {
    boss,
    async ensureQueue(definition) {
      const { queue } = definition;
      const deadLetter = queue.deadLetter;
      if (deadLetter) await createOnce(deadLetter, async () => createQueueIfMissing(boss, deadLetter, {}));
      await createOnce(definition.name, async () =>
        createQueueIfMissing(boss, definition.name, {
          retryLimit: queue.retryLimit,
          retryDelay: queue.retryDelaySeconds,
          retryBackoff: true,
          retryDelayMax: 300,
          heartbeatSeconds: queue.heartbeatSeconds,
          expireInSeconds: queue.expireInSeconds,
          notify: true,
          ...(deadLetter ? { deadLetter } : {}),
        }),
      );
      // Queues created before jobs woke workers: inserting into them should NOTIFY too.
      await createOnce(`${definition.name}#notify`, async () => boss.updateQueue(definition.name, { notify: true }));
      // Looking a job up fills pg-boss's queue cache, so later inserts need no query of their own.
      await createOnce(`${definition.name}#cached`, async () => {
        await boss.findJobs(definition.name, { id: "00000000-0000-4000-8000-000000000000" });
      });
    },
    async cancelQueued(definition, payloadMatch) {
      await jobQueue.ensureQueue(definition);
      const jobs = await boss.findJobs(definition.name, { data: payloadMatch, queued: true });
      if (jobs.length) await boss.cancel(definition.name, jobs.map((job) => job.id));
      return jobs.length;
    },
    async grantExtraAttempt(name, jobId) {
      await boss.getDb().executeSql(`UPDATE ${schema}.job SET retry_limit = retry_limit + 1 WHERE name = $1 AND id = $2 AND state = 'active'`, [name, jobId]);
    },
    async makeDue(name, jobIds) {
      await boss.getDb().executeSql(`UPDATE ${schema}.job SET start_after = now() WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'retry'`, [name, jobIds]);
    },
    async listen(channel, onNotify) {
      const db = boss.getDb() as { listen?: (channel: string, onNotification: (payload: string) => void, onReconnect: () => void) => Promise<{ close(): Promise<void> }> };
      if (typeof db.listen !== "function") throw new Error("the job queue's database connection cannot LISTEN");
      // pg-boss's own listener: a dedicated pg.Client with keepalive, a heartbeat and reconnection with backoff.
      return db.listen(channel, () => onNotify(), onNotify);
    },
    async close({ graceful = true, timeoutMs = 30_000, keepConnections = false } = {}) {
      await boss.stop({ graceful, timeout: timeoutMs, close: !keepConnections });
    },
  };
  return jobQueue;
}

/** pg-boss's createQueue leaves an existing queue as it is. */
async function createQueueIfMissing(boss: PgBoss, name: string, options: Parameters<PgBoss["createQueue"]>[1]): Promise<void> {
  await boss.createQueue(name, options);
}
