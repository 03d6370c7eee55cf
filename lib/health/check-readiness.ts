import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { DEFAULT_JOB_SCHEMA } from "@/lib/jobs/open-job-queue";

export type CheckState = "ok" | "failed" | "skipped";
export type Readiness = {
  status: "ready" | "not_ready";
  checks: { database: CheckState; migrations: CheckState; queue: CheckState };
  /** Why not ready, in words that name no host, version or migration. */
  reason?: string;
};

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/**
 * Readiness to serve data: PostgreSQL answers, every migration folder of this
 * code is applied (`_prisma_migrations`), and the job queue's schema exists.
 * Nothing in the answer helps an attacker: no names, versions or errors.
 */
export async function checkReadiness(options: { db?: PrismaClient; migrationsDir?: string; queueSchema?: string } = {}): Promise<Readiness> {
  const db = options.db ?? prisma();
  const checks: Readiness["checks"] = { database: "skipped", migrations: "skipped", queue: "skipped" };
  try {
    await db.$queryRaw`SELECT 1`;
    checks.database = "ok";
  } catch {
    checks.database = "failed";
    return { status: "not_ready", checks, reason: "the database is unreachable" };
  }
  const reasons: string[] = [];

  const expected = await migrationFolders(options.migrationsDir ?? MIGRATIONS_DIR);
  const applied = await db
    .$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    .then((rows) => new Set(rows.map((row) => row.name)), () => new Set<string>());
  const pending = expected.filter((name) => !applied.has(name)).length;
  checks.migrations = pending === 0 ? "ok" : "failed";
  if (pending) reasons.push(`${pending} migration${pending === 1 ? " is" : "s are"} not applied`);

  const schema = options.queueSchema ?? DEFAULT_JOB_SCHEMA;
  const [queue] = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass(${`${schema}.job`}) IS NOT NULL AS present`;
  checks.queue = queue?.present ? "ok" : "failed";
  if (!queue?.present) reasons.push("the job queue's tables are missing (no worker has started yet?)");

  return reasons.length ? { status: "not_ready", checks, reason: reasons.join("; ") } : { status: "ready", checks };
}

async function migrationFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}
