import "server-only";
import client, { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from "prom-client";
import { prisma } from "@/lib/db/prisma";
import { DEFAULT_JOB_SCHEMA } from "@/lib/jobs/open-job-queue";
import { registerDatabasePoolGauge } from "./database-pool-gauge";
import { collectWebMetrics, webMetrics } from "./web-metrics.mjs";

/** A worker whose heartbeat is older than this is left out of the scrape (its row is kept a day). */
export const WORKER_SILENCE_SECONDS = 600;

type MetricJson = MetricObjectWithValues<MetricValue<string>>;

/**
 * The Prometheus text of GET /api/metrics: the web processes' own metrics
 * (requests, their pools; summed over the processes of a cluster), what PostgreSQL says now (queue depth and age, active
 * runs, worker heartbeats), and every live worker's published metrics
 * (publish-worker-metrics.ts) labelled `worker`.
 */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  // In a cluster each web process's pool gauge appears once that process has served a scrape.
  registerDatabasePoolGauge(webMetrics().registry);
  const [web, fromDatabase, workers] = await Promise.all([collectWebMetrics(), readDatabaseMetrics(), readWorkerMetrics()]);
  const merged = AggregatorRegistry.aggregate([...(web as MetricJson[][]), fromDatabase, ...workers]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}

async function readDatabaseMetrics(): Promise<MetricJson[]> {
  const registry = new client.Registry();
  const queueDepth = new client.Gauge({
    name: "ratchet_job_queue_jobs",
    help: "Jobs in the queue (pg-boss) now, by queue and state: created (waiting), retry (waiting for a retry), active (running).",
    labelNames: ["queue", "state"],
    registers: [registry],
  });
  const queueAge = new client.Gauge({
    name: "ratchet_job_queue_oldest_waiting_age_seconds",
    help: "Age of the oldest job waiting (created or retry) per queue; absent when none waits.",
    labelNames: ["queue"],
    registers: [registry],
  });
  const activeRuns = new client.Gauge({ name: "ratchet_replay_runs_active", help: "Replay runs not finished, by status.", labelNames: ["status"], registers: [registry] });
  const heartbeat = new client.Gauge({
    name: "ratchet_worker_last_heartbeat_timestamp_seconds",
    help: `Last heartbeat of each replay worker (unix time, database clock), every 15 s while its metrics change, every 30 s otherwise; workers silent for ${WORKER_SILENCE_SECONDS} s are left out.`,
    labelNames: ["worker"],
    registers: [registry],
  });

  const db = prisma();
  const [queues, runs, workers] = await Promise.all([
    db
      .$queryRawUnsafe<{ queue: string; state: string; jobs: number; oldest: number | null }[]>(
        `SELECT name AS queue, state::text AS state, count(*)::int AS jobs,
                EXTRACT(EPOCH FROM now() - min(created_on))::float8 AS oldest
           FROM ${DEFAULT_JOB_SCHEMA}.job WHERE state < 'completed' GROUP BY name, state`,
      )
      // No queue schema yet (no worker has started): nothing to say about the queue.
      .catch(() => []),
    db.$queryRaw<{ status: string; runs: number }[]>`
      SELECT status::text AS status, count(*)::int AS runs FROM replay_runs WHERE status IN ('queued', 'running') GROUP BY status`,
    db.$queryRaw<{ worker: string; at: number }[]>`
      SELECT worker_id AS worker, EXTRACT(EPOCH FROM heartbeat_at)::float8 AS at FROM worker_metrics
       WHERE heartbeat_at > now() - make_interval(secs => ${WORKER_SILENCE_SECONDS})`,
  ]);
  const oldest = new Map<string, number>();
  for (const row of queues) {
    queueDepth.set({ queue: row.queue, state: row.state }, row.jobs);
    if (row.state !== "active" && row.oldest !== null) oldest.set(row.queue, Math.max(oldest.get(row.queue) ?? 0, row.oldest));
  }
  for (const [queue, age] of oldest) queueAge.set({ queue }, age);
  for (const status of ["queued", "running"]) activeRuns.set({ status }, runs.find((r) => r.status === status)?.runs ?? 0);
  for (const row of workers) heartbeat.set({ worker: row.worker }, row.at);
  return (await registry.getMetricsAsJSON()) as MetricJson[];
}

/** Each live worker's published metrics, every sample labelled with its worker id. */
async function readWorkerMetrics(): Promise<MetricJson[][]> {
  const rows = await prisma().$queryRaw<{ worker: string; metrics: MetricJson[] }[]>`
    SELECT worker_id AS worker, metrics FROM worker_metrics WHERE heartbeat_at > now() - make_interval(secs => ${WORKER_SILENCE_SECONDS})`;
  return rows.map((row) =>
    row.metrics.map((metric) => ({ ...metric, values: metric.values.map((value) => ({ ...value, labels: { ...value.labels, worker: row.worker } })) })),
  );
}
