import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { env, requireDatabaseUrl } from "../env";
import { SerialQueryClient } from "./serial-query-client";
import { POOL_IDLE_TIMEOUT_MS } from "./pool-idle-timeout";

// The one Prisma client of the process. Kept on globalThis so Next's dev
// reloads do not open a new pool on every edit.
const globalForPrisma = globalThis as unknown as { ratchetPrisma?: PrismaClient; ratchetPool?: pg.Pool };

export function createPrismaClient(connectionString: string, pool = createPool(connectionString)): PrismaClient {
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Prisma's defaults (2 s to start a transaction, 5 s to finish it) fail ordinary short
  // transactions on a loaded machine, and on the embedded database, where transactions
  // queue behind one another; these limits still end a runaway one.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 30_000 } });
}

function createPool(connectionString: string): pg.Pool {
  // SerialQueryClient: a transaction's concurrent relation loads wait their turn on its one connection.
  return new pg.Pool({ connectionString, max: env().RATCHET_DB_POOL_SIZE, idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS, Client: SerialQueryClient });
}

export function prisma(): PrismaClient {
  if (!globalForPrisma.ratchetPrisma) {
    globalForPrisma.ratchetPool = createPool(requireDatabaseUrl());
    globalForPrisma.ratchetPrisma = createPrismaClient(requireDatabaseUrl(), globalForPrisma.ratchetPool);
  }
  return globalForPrisma.ratchetPrisma;
}

/** The process client's pool right now (null before its first use): for the metrics. */
export function databasePoolStats(): { max: number; total: number; idle: number; waiting: number } | null {
  const pool = globalForPrisma.ratchetPool;
  return pool ? { max: pool.options.max ?? 10, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}
