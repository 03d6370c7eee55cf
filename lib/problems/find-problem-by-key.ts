import "server-only";
import { prisma } from "@/lib/db/prisma";
import { coverageHints, type PatternCounts } from "./coverage-hints";
import { problemResourceSelect } from "./problem-resource";

export type ProblemDetails = NonNullable<Awaited<ReturnType<typeof findProblemByKey>>>;

/** One problem of the project by its key ("SENT-3") with its pattern counts and coverage hints, or null. */
export async function findProblemByKey(projectId: string, key: string) {
  const problem = await prisma().problem.findUnique({
    where: { projectId_key: { projectId, key } },
    select: { ...problemResourceSelect, owner: { select: { id: true, name: true, email: true } } },
  });
  if (!problem) return null;
  const groups = await prisma().pattern.groupBy({
    by: ["purpose", "origin"],
    where: { projectId, problemId: problem.id, archivedAt: null },
    _count: { _all: true },
  });
  const patternCounts: PatternCounts = { total: 0, control: 0, production: 0 };
  for (const g of groups) {
    patternCounts.total += g._count._all;
    if (g.purpose === "control") patternCounts.control += g._count._all;
    if (g.origin === "production") patternCounts.production += g._count._all;
  }
  return { ...problem, patternCounts, coverageHints: coverageHints(patternCounts) };
}
