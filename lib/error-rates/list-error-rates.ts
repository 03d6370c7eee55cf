import "server-only";
import { prisma } from "@/lib/db/prisma";
import { wilsonInterval } from "@/lib/stats/wilson-interval";

export type ErrorRate = {
  problemId: string;
  modelVersionId: string;
  passed: number;
  failed: number;
  /** The call itself failed (timeout, 5xx, unparsable): excluded from the rate. */
  errored: number;
  /** Waiting for a human grade: excluded from the rate. */
  ungraded: number;
  /** passed + failed: the denominator of the rate. */
  n: number;
  /** failed / (passed + failed); null when nothing was graded pass or fail. */
  errorRate: number | null;
  /** 95% Wilson interval of the error rate. */
  low: number;
  high: number;
};

type ErrorRateRow = Pick<ErrorRate, "problemId" | "modelVersionId" | "passed" | "failed" | "errored" | "ungraded">;

/**
 * Error rate of every problem × model version of a project, over each problem's
 * current pattern revisions (archived patterns and older revisions do not count).
 * Counting happens in PostgreSQL: one aggregate, no results loaded into memory.
 */
export async function listErrorRates(projectId: string): Promise<ErrorRate[]> {
  const rows = await prisma().$queryRaw<ErrorRateRow[]>`
    SELECT
      r.problem_id       AS "problemId",
      r.model_version_id AS "modelVersionId",
      (COUNT(*) FILTER (WHERE r.verdict = 'pass'))::int  AS "passed",
      (COUNT(*) FILTER (WHERE r.verdict = 'fail'))::int  AS "failed",
      (COUNT(*) FILTER (WHERE r.verdict = 'error'))::int AS "errored",
      (COUNT(*) FILTER (WHERE r.verdict IS NULL))::int   AS "ungraded"
    FROM results r
    JOIN patterns p
      ON p.current_revision_id = r.pattern_revision_id
     AND p.archived_at IS NULL
    WHERE r.project_id = ${projectId}
      AND p.project_id = ${projectId}
    GROUP BY r.problem_id, r.model_version_id
  `;

  return rows.map((row) => {
    const n = row.passed + row.failed;
    const { low, high } = wilsonInterval(row.failed, n);
    return { ...row, n, errorRate: n === 0 ? null : row.failed / n, low, high };
  });
}
