import "server-only";
import { prisma } from "@/lib/db/prisma";
import { ConflictError } from "@/lib/errors/domain-errors";
import { logger } from "@/lib/log/logger.mjs";
import { nextCronRuns } from "./now-test-schedule.schema";
import { startNowTest } from "./start-now-test";

/**
 * The schedule sweep: every enabled schedule whose time has come starts a
 * now-test of the project's production version and moves on to its next time,
 * in one transaction (SKIP LOCKED: one worker per schedule). A project without
 * a production version, or whose now-test is still running, skips this turn.
 */
export async function runDueNowTests(limit = 10): Promise<number> {
  return prisma().$transaction(
    async (tx) => {
      const due = await tx.$queryRaw<{ projectId: string; cron: string }[]>`
        SELECT project_id AS "projectId", cron FROM now_test_schedules
         WHERE enabled AND next_run_at <= now()
         ORDER BY next_run_at LIMIT ${limit}
         FOR UPDATE SKIP LOCKED`;
      for (const schedule of due) {
        const now = new Date();
        const production = await tx.modelVersion.findFirst({ where: { projectId: schedule.projectId, status: "production" }, orderBy: { createdAt: "desc" }, select: { id: true } });
        if (production) {
          await tx.$executeRaw`SAVEPOINT now_test_start`;
          try {
            await startNowTest(tx, { modelVersionId: production.id, createdById: null });
            await tx.$executeRaw`RELEASE SAVEPOINT now_test_start`;
          } catch (error) {
            await tx.$executeRaw`ROLLBACK TO SAVEPOINT now_test_start`;
            if (!(error instanceof ConflictError)) throw error;
            logger().info({ projectId: schedule.projectId }, `scheduled now-test skipped: ${error.message}`);
          }
        }
        await tx.nowTestSchedule.update({ where: { projectId: schedule.projectId }, data: { lastRunAt: now, nextRunAt: nextCronRuns(schedule.cron, now)[0]! } });
      }
      return due.length;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
