import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env, requireDatabaseUrl } from "../env";

// The one Prisma client of the process. Kept on globalThis so Next's dev
// reloads do not open a new pool on every edit.
const globalForPrisma = globalThis as unknown as { ratchetPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: env().RATCHET_DB_POOL_SIZE });
  return new PrismaClient({ adapter });
}

export function prisma(): PrismaClient {
  globalForPrisma.ratchetPrisma ??= createPrismaClient(requireDatabaseUrl());
  return globalForPrisma.ratchetPrisma;
}
