import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import type { Expectation } from "@/lib/scoring/expectation.schema";

export const MODEL_RESULT_FILTERS = ["all", "pass", "fail", "error", "ungraded"] as const;
export type ModelResultFilter = (typeof MODEL_RESULT_FILTERS)[number];

export type ModelResultsTableQuery = { filter: ModelResultFilter; page: number; pageSize: number };

/**
 * The results table of the model version page: one row per current pattern
 * revision replayed on the version (what its error rates count), ordered by
 * problem key and pattern name, one numbered page at a time, with the count
 * per verdict for the filter tabs. Each row carries its revision's expectation
 * (the Expected column).
 */
export async function listModelResultsTable(projectId: string, modelVersionId: string, query: ModelResultsTableQuery) {
  const current: Prisma.ResultWhereInput = { projectId, modelVersionId, patternRevision: { currentOf: { archivedAt: null } } };
  const where: Prisma.ResultWhereInput =
    query.filter === "all" ? current : query.filter === "ungraded" ? { ...current, verdict: null } : { ...current, verdict: query.filter };
  const [rows, byVerdict] = await Promise.all([
    prisma().result.findMany({
      where,
      orderBy: [{ problem: { key: "asc" } }, { pattern: { name: "asc" } }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        output: true,
        verdict: true,
        errorReason: true,
        latencyMs: true,
        connectorRevision: true,
        updatedAt: true,
        pattern: { select: { id: true, name: true, purpose: true } },
        problem: { select: { key: true } },
        // The Expected column: what the revision judged against (validated by expectationSchema on every write).
        patternRevision: { select: { expectation: true } },
      },
    }),
    prisma().result.groupBy({ by: ["verdict"], where: current, _count: { _all: true } }),
  ]);
  const counts = { all: 0, pass: 0, fail: 0, error: 0, ungraded: 0 } satisfies Record<ModelResultFilter, number>;
  for (const group of byVerdict) {
    counts[group.verdict ?? "ungraded"] += group._count._all;
    counts.all += group._count._all;
  }
  // Validated by expectationSchema on every write.
  const withExpectation = rows.map(({ patternRevision, ...row }) => ({ ...row, expectation: patternRevision.expectation as Expectation }));
  return { rows: withExpectation, counts, total: counts[query.filter] };
}

export type ModelResultRow = Awaited<ReturnType<typeof listModelResultsTable>>["rows"][number];
