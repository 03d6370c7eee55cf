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
export type ErrorRateFilter = {
  problemIds?: string[];
  modelVersionIds?: string[];
  /**
   * Only each problem's latest rate: the last model version (registration order)
   * with a result graded pass or fail. What the dashboard ranks and filters by.
   */
  latest?: boolean;
  /** Keyset page: rows after this (problemId, modelVersionId), in that order, at most `limit`. */
  page?: { after: { problemId: string; modelVersionId: string } | null; limit: number };
};

type ErrorRateRow = Pick<ErrorRate, "problemId" | "modelVersionId" | "passed" | "failed" | "errored" | "ungraded">;

/**
 * Error rates per problem × model version of a project, over each problem's
 * current pattern revisions (archived patterns and older revisions do not count).
 * Reads `error_rate_counts`, which PostgreSQL triggers keep equal to the aggregate
 * over `results` in the writing transaction (see its migration): no page counts
 * results, whatever the project's size. Every page and route reads rates through this function.
 */
export async function listErrorRates(
  projectId: string,
  filter: ErrorRateFilter = {},
  /** A transaction to read in (the ratchet reads rates inside the promotion's transaction). */
  db: Pick<Prisma.TransactionClient, "$queryRaw"> = prisma(),
): Promise<ErrorRate[]> {
  if (filter.problemIds?.length === 0 || filter.modelVersionIds?.length === 0) return [];
  const byProblem = filter.problemIds ? Prisma.sql`AND c.problem_id IN (${Prisma.join(filter.problemIds)})` : Prisma.empty;
  const byModelVersion = filter.modelVersionIds
    ? Prisma.sql`AND c.model_version_id IN (${Prisma.join(filter.modelVersionIds)})`
    : Prisma.empty;
  if (filter.latest) {
    // One index probe per problem: its newest version with a pass or fail.
    const problemFilter = filter.problemIds ? Prisma.sql`AND pr.id IN (${Prisma.join(filter.problemIds)})` : Prisma.empty;
    const rows = await db.$queryRaw<ErrorRateRow[]>`
      SELECT c.problem_id AS "problemId", c.model_version_id AS "modelVersionId", c.passed, c.failed, c.errored, c.ungraded
      FROM problems pr
      CROSS JOIN LATERAL (
        SELECT * FROM error_rate_counts x
        WHERE x.problem_id = pr.id AND x.project_id = ${projectId} AND x.passed + x.failed > 0
        ORDER BY x.version_registered_at DESC, x.model_version_id DESC
        LIMIT 1
      ) c
      WHERE pr.project_id = ${projectId}
        ${problemFilter}
        ${byModelVersion}
    `;
    return rows.map(toErrorRate);
  }
  const after = filter.page?.after
    ? Prisma.sql`AND (c.problem_id, c.model_version_id) > (${filter.page.after.problemId}, ${filter.page.after.modelVersionId})`
    : Prisma.empty;
  const page = filter.page ? Prisma.sql`ORDER BY c.problem_id, c.model_version_id LIMIT ${filter.page.limit}` : Prisma.empty;
  const rows = await db.$queryRaw<ErrorRateRow[]>`
    SELECT c.problem_id AS "problemId", c.model_version_id AS "modelVersionId", c.passed, c.failed, c.errored, c.ungraded
    FROM error_rate_counts c
    WHERE c.project_id = ${projectId}
      AND c.passed + c.failed + c.errored + c.ungraded > 0
      ${byProblem}
      ${byModelVersion}
      ${after}
    ${page}
  `;
  return rows.map(toErrorRate);
}

/** Adds n, the rate and its 95% Wilson interval to raw verdict counts. */
export function toErrorRate(row: ErrorRateRow): ErrorRate {
  const n = row.passed + row.failed;
  const { low, high } = wilsonInterval(row.failed, n);
  return { ...row, n, errorRate: n === 0 ? null : row.failed / n, low, high };
}
