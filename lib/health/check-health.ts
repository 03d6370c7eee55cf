import "server-only";
import { prisma } from "@/lib/db/prisma";

export type Health = { status: "ok" | "degraded"; database: "ok" | "unreachable"; time: string };

/** Liveness plus a round trip to PostgreSQL; no authentication, no details that help an attacker. */
export async function checkHealth(): Promise<Health> {
  const database = await prisma()
    .$queryRaw`SELECT 1`
    .then(() => "ok" as const)
    .catch(() => "unreachable" as const);
  return { status: database === "ok" ? "ok" : "degraded", database, time: new Date().toISOString() };
}
