import { Prisma } from "@/lib/db/generated/client";

/**
 * The SET clauses that complete a replay run (`UPDATE replay_runs SET …`):
 * once `finished` (an SQL expression: how many of its items are finished)
 * reaches the run's total, a queued or running run becomes `completed`, or
 * `failed` when a batch gave up (`error` is set), and gets its finished_at.
 * The one place that says when a run is complete.
 */
export function runCompletionSql(finished: Prisma.Sql): Prisma.Sql {
  const complete = Prisma.sql`${finished} >= total AND status IN ('queued', 'running')`;
  return Prisma.sql`status = CASE WHEN ${complete} THEN (CASE WHEN error IS NULL THEN 'completed' ELSE 'failed' END)::"ReplayStatus" ELSE status END,
      started_at  = COALESCE(started_at, now()),
      finished_at = CASE WHEN ${complete} THEN now() ELSE finished_at END`;
}
