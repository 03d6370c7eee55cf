import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log/logger.mjs";
import { replayMetrics } from "./replay-metrics";

/** How often a worker writes its heartbeat and metrics. */
export const WORKER_METRICS_INTERVAL_MS = 15_000;
/** Rows of workers silent this long are deleted (by any worker starting). */
const RETENTION = "1 day";

export type WorkerMetricsPublisher = { workerId: string; publish(): Promise<void>; stop(): Promise<void> };

/**
 * Writes this worker's heartbeat and its metrics registry (replay-metrics.ts)
 * to `worker_metrics` now and every `intervalMs`, with the database's clock,
 * so GET /api/metrics on any web process can show every worker. stop() deletes
 * the row: a stopped worker is gone, a crashed one keeps an aging heartbeat.
 */
export function startWorkerMetricsPublisher(options: { intervalMs?: number } = {}): WorkerMetricsPublisher {
  const intervalMs = options.intervalMs ?? WORKER_METRICS_INTERVAL_MS;
  const workerId = `${os.hostname()}:${process.pid}:${randomBytes(2).toString("hex")}`;
  const startedAt = new Date();
  const log = logger().child({ workerId });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();

  const publish = async () => {
    const metrics = await replayMetrics().registry.getMetricsAsJSON();
    await prisma().$executeRaw`
      INSERT INTO worker_metrics (worker_id, host, pid, started_at, heartbeat_at, metrics)
      VALUES (${workerId}, ${os.hostname()}, ${process.pid}, ${startedAt}, now(), ${JSON.stringify(metrics)}::jsonb)
      ON CONFLICT (worker_id) DO UPDATE SET heartbeat_at = now(), metrics = EXCLUDED.metrics`;
  };
  const tick = () => {
    current = publish().catch((error: unknown) => log.warn({ err: error }, "could not publish the worker's metrics"));
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
    publish: () => (current = current.then(publish)),
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
