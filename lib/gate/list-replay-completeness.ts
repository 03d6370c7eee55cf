import "server-only";
// Results join on (model_version_id, pattern_revision_id) with no project_id term: see compare-model-versions.ts.
import { prisma } from "@/lib/db/prisma";

export type ReplayCompleteness = {
  problemId: string;
  /** Current (non-archived) patterns of the problem. */
  patterns: number;
  /** Current revisions with an unfinished item in a queued or running replay of the version. */
  pending: number;
  /** Current revisions with no result for the version and no replay queued for them. */
  missing: number;
  /** Results of the version waiting for a human grade (not being replayed again). */
  awaitingGrade: number;
  /** Settled verdicts: results not being replayed again. With the three above they add up to `patterns`. */
  passed: number;
  failed: number;
  errored: number;
};

/**
 * How far a model version's replay is, per problem, over each problem's
 * current pattern revisions: what is still running, what has no result and
 * what waits for a grade, and the verdicts already settled (a result whose
 * revision is being replayed again counts as pending: the rerun replaces it).
 * One aggregate in PostgreSQL. Problems without any current pattern are absent.
 */
export async function listReplayCompleteness(projectId: string, modelVersionId: string): Promise<ReplayCompleteness[]> {
  return prisma().$queryRaw<ReplayCompleteness[]>`
    SELECT
      p.problem_id AS "problemId",
      COUNT(*)::int AS "patterns",
      (COUNT(*) FILTER (WHERE q.pending))::int AS "pending",
      (COUNT(*) FILTER (WHERE NOT q.pending AND r.id IS NULL))::int AS "missing",
      (COUNT(*) FILTER (WHERE NOT q.pending AND r.id IS NOT NULL AND r.verdict IS NULL))::int AS "awaitingGrade",
      (COUNT(*) FILTER (WHERE NOT q.pending AND r.verdict = 'pass'))::int AS "passed",
      (COUNT(*) FILTER (WHERE NOT q.pending AND r.verdict = 'fail'))::int AS "failed",
      (COUNT(*) FILTER (WHERE NOT q.pending AND r.verdict = 'error'))::int AS "errored"
    FROM patterns p
    LEFT JOIN results r
      ON r.pattern_revision_id = p.current_revision_id
     AND r.model_version_id = ${modelVersionId}
    CROSS JOIN LATERAL (
      SELECT EXISTS (
        SELECT 1
        FROM replay_run_items i
        JOIN replay_runs run ON run.id = i.run_id
        WHERE i.pattern_revision_id = p.current_revision_id
          AND i.project_id = ${projectId}
          AND i.finished_at IS NULL
          AND run.model_version_id = ${modelVersionId}
          AND run.status IN ('queued', 'running')
      ) AS pending
    ) q
    WHERE p.project_id = ${projectId}
      AND p.archived_at IS NULL
      AND p.current_revision_id IS NOT NULL
    GROUP BY p.problem_id
  `;
}
