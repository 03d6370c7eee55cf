import "server-only";
import { pageArgs, toPage } from "@/lib/http/pagination";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import type { ListPatternsQuery } from "./list-patterns.schema";
import { patternResourceSelect, toPatternResource } from "./pattern-resource";

const ARCHIVED_FILTER = { exclude: { archivedAt: null }, only: { archivedAt: { not: null } }, include: {} } as const;

/** A problem's patterns in the order they were added, one page at a time; 404 when the problem does not exist. */
export async function listPatterns(problemId: string, query: ListPatternsQuery) {
  const problem = await prisma().problem.findUnique({ where: { id: problemId }, select: { id: true, projectId: true } });
  if (!problem) throw new NotFoundError("Problem");
  const rows = await prisma().pattern.findMany({
    where: { projectId: problem.projectId, problemId, ...ARCHIVED_FILTER[query.archived] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: patternResourceSelect,
    ...pageArgs(query),
  });
  return toPage(rows.map(toPatternResource), query.limit);
}
