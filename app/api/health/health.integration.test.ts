import { afterAll, describe, expect, inject, it } from "vitest";
import { GET as live } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { createPrismaClient } from "@/lib/db/prisma";
import { createThrowawayDatabase, type ThrowawayDatabase } from "@/lib/db/tooling/throwaway-database";
import { checkReadiness } from "@/lib/health/check-readiness";
import { openJobQueue } from "@/lib/jobs/open-job-queue";

// Liveness never touches the database; readiness checks the database, the
// migrations of this code against _prisma_migrations, and the queue's schema.
let throwaway: ThrowawayDatabase | undefined;
afterAll(async () => {
  await throwaway?.drop();
});

describe("GET /api/health (liveness)", () => {
  it("is 200 with no details, even when no database is configured", async () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL; // a database call would throw "DATABASE_URL is not set"
    try {
      const response = live();
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok" });
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });
});

describe("GET /api/health/ready", () => {
  it("is 200 when the database answers, every migration is applied and the queue exists", async () => {
    const queue = await openJobQueue({ databaseUrl: inject("databaseUrl") }); // creates the queue's schema, as any worker does
    await queue.close();
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok", queue: "ok" } });
  });

  it("is not ready on a throwaway database missing its latest migration and the queue", async () => {
    throwaway = await createThrowawayDatabase("ratchet_health");
    const db = createPrismaClient(throwaway.url);
    try {
      const [last] = await db.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
      await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${last!.name}`;
      const readiness = await checkReadiness({ db });
      expect(readiness).toEqual({
        status: "not_ready",
        checks: { database: "ok", migrations: "failed", queue: "failed" },
        reason: "1 migration is not applied; the job queue's tables are missing (no worker has started yet?)",
      });
      // Nothing that helps an attacker: no migration name, no version, no host.
      expect(JSON.stringify(readiness)).not.toContain(last!.name);
    } finally {
      await db.$disconnect();
    }
  });

  it("says only that the database is unreachable when it is", async () => {
    const db = createPrismaClient("postgresql://postgres@127.0.0.1:1/nowhere");
    try {
      expect(await checkReadiness({ db })).toEqual({
        status: "not_ready",
        checks: { database: "failed", migrations: "skipped", queue: "skipped" },
        reason: "the database is unreachable",
      });
    } finally {
      await db.$disconnect();
    }
  });

  it("answers 503 with the failed check from the route itself", async () => {
    // The route's own client is made once per process and cannot be repointed at the throwaway database,
    // so the route's 503 is checked by hiding the queue's schema here and restoring it afterwards.
    const queueDb = createPrismaClient(inject("databaseUrl"));
    try {
      await queueDb.$executeRawUnsafe("ALTER SCHEMA pgboss RENAME TO pgboss_hidden_by_health_test");
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: "not_ready",
        checks: { database: "ok", migrations: "ok", queue: "failed" },
        reason: "the job queue's tables are missing (no worker has started yet?)",
      });
    } finally {
      await queueDb.$executeRawUnsafe("ALTER SCHEMA pgboss_hidden_by_health_test RENAME TO pgboss");
      await queueDb.$disconnect();
    }
  });
});
