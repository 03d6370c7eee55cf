import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Derives a run's counts from its items and completes it once every item is
 * finished (`failed` when a batch gave up: `error` is set). Call it inside the
 * transaction that changed the items, after locking those items.
 */
export async function refreshRunCounts(tx: Prisma.TransactionClient, runId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE replay_runs r SET
      passed   = c.passed,
      failed   = c.failed,
      errored  = c.errored,
      ungraded = c.ungraded,
      status = CASE
        WHEN c.finished >= r.total AND r.status IN ('queued', 'running')
          THEN (CASE WHEN r.error IS NULL THEN 'completed' ELSE 'failed' END)::"ReplayStatus"
        ELSE r.status END,
      started_at  = COALESCE(r.started_at, now()),
      finished_at = CASE WHEN c.finished >= r.total AND r.status IN ('queued', 'running') THEN now() ELSE r.finished_at END
    FROM (
      SELECT
        (COUNT(*) FILTER (WHERE finished_at IS NOT NULL))::int                          AS finished,
        (COUNT(*) FILTER (WHERE finished_at IS NOT NULL AND verdict = 'pass'))::int     AS passed,
        (COUNT(*) FILTER (WHERE finished_at IS NOT NULL AND verdict = 'fail'))::int     AS failed,
        (COUNT(*) FILTER (WHERE finished_at IS NOT NULL AND verdict = 'error'))::int    AS errored,
        (COUNT(*) FILTER (WHERE finished_at IS NOT NULL AND verdict IS NULL))::int      AS ungraded
      FROM replay_run_items WHERE run_id = ${runId}
    ) c
    WHERE r.id = ${runId}`;
}
