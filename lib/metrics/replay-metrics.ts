import client from "prom-client";
import { registerDatabasePoolGauge } from "./database-pool-gauge";

// Metrics that live where replays run (the worker processes): model call
// latency and items finished. Workers publish this registry to PostgreSQL
// (publish-worker-metrics.ts) and GET /api/metrics reads it from there, so
// one scrape of any web process sees every worker on every machine.

type ReplayMetrics = {
  registry: client.Registry;
  modelCallDuration: client.Histogram<"model_version_id">;
  itemsFinished: client.Counter<"verdict">;
};

const KEY = Symbol.for("ratchet.replayMetrics");
const globalForMetrics = globalThis as unknown as { [KEY]?: ReplayMetrics };

export function replayMetrics(): ReplayMetrics {
  if (!globalForMetrics[KEY]) {
    const registry = new client.Registry();
    registerDatabasePoolGauge(registry);
    globalForMetrics[KEY] = {
      registry,
      // The model version id as a label: bounded by the versions this worker replayed since it started.
      modelCallDuration: new client.Histogram({
        name: "ratchet_model_call_duration_seconds",
        help: "Model call latency per replayed item (the latency stored on its result; items of one batched call share it), by model version id.",
        labelNames: ["model_version_id"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
        registers: [registry],
      }),
      itemsFinished: new client.Counter({
        name: "ratchet_replay_items_finished_total",
        help: "Replay run items written by replay workers, by verdict (ungraded: waiting for a human grade).",
        labelNames: ["verdict"],
        registers: [registry],
      }),
    };
  }
  return globalForMetrics[KEY]!;
}

/**
 * Counts items written by verdict (null: a human expectation still ungraded)
 * and samples the latency of each item that was called (as stored on its result).
 */
export function recordWrittenOutcomes(
  modelVersionId: string,
  rows: readonly { latencyMs: number | null }[],
  verdicts: readonly ("pass" | "fail" | "error" | null)[],
): void {
  const { itemsFinished, modelCallDuration } = replayMetrics();
  const counts = new Map<string, number>();
  for (const verdict of verdicts) counts.set(verdict ?? "ungraded", (counts.get(verdict ?? "ungraded") ?? 0) + 1);
  for (const [verdict, count] of counts) itemsFinished.inc({ verdict }, count);
  for (const row of rows) if (row.latencyMs !== null) modelCallDuration.observe({ model_version_id: modelVersionId }, row.latencyMs / 1000);
}
