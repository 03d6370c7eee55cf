import "server-only";
import { Prisma } from "@/lib/db/generated/client";
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

/** Narrows the aggregate; an omitted field means "all of the project's". */
export type ErrorRateFilter = { problemIds?: string[]; modelVersionIds?: string[] };

type ErrorRateRow = Pick<ErrorRate, "problemId" | "modelVersionId" | "passed" | "failed" | "errored" | "ungraded">;

/**
 * Error rates per problem × model version of a project, over each problem's
 * current pattern revisions (archived patterns and older revisions do not count).
 * Counting happens in PostgreSQL: one aggregate, no results loaded into memory.
 * Every page and route reads rates through this function.
 */
export async function listErrorRates(
  projectId: string,
  filter: ErrorRateFilter = {},
  /** A transaction to read in (the ratchet reads rates inside the promotion's transaction). */
  db: Pick<Prisma.TransactionClient, "$queryRaw"> = prisma(),
): Promise<ErrorRate[]> {
  if (filter.problemIds?.length === 0 || filter.modelVersionIds?.length === 0) return [];
  const byProblem = filter.problemIds ? Prisma.sql`AND r.problem_id IN (${Prisma.join(filter.problemIds)})` : Prisma.empty;
  const byModelVersion = filter.modelVersionIds
    ? Prisma.sql`AND r.model_version_id IN (${Prisma.join(filter.modelVersionIds)})`
    : Prisma.empty;
  const rows = await db.$queryRaw<ErrorRateRow[]>`
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
      ${byProblem}
      ${byModelVersion}
    GROUP BY r.problem_id, r.model_version_id
  `;
  return rows.map(toErrorRate);
}

/** Adds n, the rate and its 95% Wilson interval to raw verdict counts. */
export function toErrorRate(row: ErrorRateRow): ErrorRate {
  const n = row.passed + row.failed;
  const { low, high } = wilsonInterval(row.failed, n);
  return { ...row, n, errorRate: n === 0 ? null : row.failed / n, low, high };
}
