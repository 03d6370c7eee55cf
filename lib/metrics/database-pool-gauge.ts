import client from "prom-client";
import { databasePoolStats } from "@/lib/db/prisma";

export const DATABASE_POOL_METRIC = "ratchet_db_pool_connections";

/** Registers, once per registry, the gauge of this process's PostgreSQL pool (Prisma's), read when collected. */
export function registerDatabasePoolGauge(registry: client.Registry): void {
  if (registry.getSingleMetric(DATABASE_POOL_METRIC)) return;
  new client.Gauge({
    name: DATABASE_POOL_METRIC,
    help: "This process's PostgreSQL pool: connections by state (max: RATCHET_DB_POOL_SIZE; in_use = total - idle; waiting = queries queued for a connection).",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const stats = databasePoolStats();
      this.reset();
      if (!stats) return;
      this.set({ state: "max" }, stats.max);
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "in_use" }, stats.total - stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
}
