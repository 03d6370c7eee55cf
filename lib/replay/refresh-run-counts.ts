import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { runCompletionSql } from "./run-completion-sql";

/**
 * Derives a run's counts from its items and completes it once every item is
 * finished (`failed` when a batch gave up: `error` is set). Call it inside the
 * transaction that changed the items, after locking those items.
 */
export async function refreshRunCounts(tx: Prisma.TransactionClient, runId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE replay_runs SET
      passed   = c.passed,
      failed   = c.failed,
      errored  = c.errored,
      ungraded = c.ungraded,
      ${runCompletionSql(Prisma.sql`c.finished`)}
    FROM (
      SELECT
        (COUNT(*) FILTER (WHERE finished_at IS NOT NULL))::int                          AS finished,
        (COUNT(*) FILTER (WHERE finished_at IS NOT NULL AND verdict = 'pass'))::int     AS passed,
        (COUNT(*) FILTER (WHERE finished_at IS NOT NULL AND verdict = 'fail'))::int     AS failed,
        (COUNT(*) FILTER (WHERE finished_at IS NOT NULL AND verdict = 'error'))::int    AS errored,
        (COUNT(*) FILTER (WHERE finished_at IS NOT NULL AND verdict IS NULL))::int      AS ungraded
      FROM replay_run_items WHERE run_id = ${runId}
    ) c
    WHERE replay_runs.id = ${runId}`;
}
