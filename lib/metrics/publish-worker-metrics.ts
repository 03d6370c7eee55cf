import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log/logger.mjs";
import { replayMetrics } from "./replay-metrics";

/** How often a worker writes its metrics while they change. */
export const WORKER_METRICS_INTERVAL_MS = 15_000;
/** How often it writes while they do not (an idle worker): its heartbeat, well inside the README's 60 s alert. */
export const WORKER_HEARTBEAT_INTERVAL_MS = 30_000;
/** Rows of workers silent this long are deleted (by any worker starting). */
const RETENTION = "1 day";

export type WorkerMetricsPublisher = { workerId: string; publish(): Promise<void>; stop(): Promise<void> };

/**
 * Writes this worker's heartbeat and its metrics registry (replay-metrics.ts)
 * to `worker_metrics` now, then every `intervalMs` while the metrics change and
 * every `heartbeatMs` while they do not, with the database's clock,
 * so GET /api/metrics on any web process can show every worker. stop() deletes
 * the row: a stopped worker is gone, a crashed one keeps an aging heartbeat.
 */
export function startWorkerMetricsPublisher(options: { intervalMs?: number; heartbeatMs?: number } = {}): WorkerMetricsPublisher {
  const intervalMs = options.intervalMs ?? WORKER_METRICS_INTERVAL_MS;
  const heartbeatMs = Math.max(intervalMs, options.heartbeatMs ?? WORKER_HEARTBEAT_INTERVAL_MS);
  let written = "";
  let writtenAt = -Infinity;
  const workerId = `${os.hostname()}:${process.pid}:${randomBytes(2).toString("hex")}`;
  const startedAt = new Date();
  const log = logger().child({ workerId });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();

  const publish = async ({ always = true } = {}) => {
    const metrics = JSON.stringify(await replayMetrics().registry.getMetricsAsJSON());
    if (!always && metrics === written && performance.now() - writtenAt < heartbeatMs - 50) return;
    await prisma().$executeRaw`
      INSERT INTO worker_metrics (worker_id, host, pid, started_at, heartbeat_at, metrics)
      VALUES (${workerId}, ${os.hostname()}, ${process.pid}, ${startedAt}, now(), ${metrics}::jsonb)
      ON CONFLICT (worker_id) DO UPDATE SET heartbeat_at = now(), metrics = EXCLUDED.metrics`;
    written = metrics;
    writtenAt = performance.now();
  };
  const tick = () => {
    current = publish({ always: false }).catch((error: unknown) => log.warn({ err: error }, "could not publish the worker's metrics"));
    void current.then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  void prisma()
    .$executeRawUnsafe(`DELETE FROM worker_metrics WHERE heartbeat_at < now() - interval '${RETENTION}'`)
    .catch((error: unknown) => log.warn({ err: error }, "could not prune old worker metrics"));
  tick();

  return {
    workerId,
    publish: () => (current = current.then(() => publish())),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      await prisma()
        .workerMetrics.deleteMany({ where: { workerId } })
        .catch((error: unknown) => log.warn({ err: error }, "could not remove the worker's metrics row"));
    },
  };
}
