import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { ProblemStatus, Severity } from "@/lib/db/generated/client";
import type { PatternCounts } from "./coverage-hints";

export type ProblemFilter = {
  severities?: Severity[];
  statuses?: ProblemStatus[];
  /** Key or title contains this, case-insensitive. */
  q?: string;
};

export type ProblemListItem = Awaited<ReturnType<typeof findProblems>>[number] & { patternCounts: PatternCounts };

function findProblems(projectId: string, filter: ProblemFilter) {
  return prisma().problem.findMany({
    where: {
      projectId,
      ...(filter.severities?.length ? { severity: { in: filter.severities } } : {}),
      ...(filter.statuses?.length ? { status: { in: filter.statuses } } : {}),
      ...(filter.q
        ? { OR: [{ key: { contains: filter.q, mode: "insensitive" as const } }, { title: { contains: filter.q, mode: "insensitive" as const } }] }
        : {}),
    },
    orderBy: [{ number: "asc" }],
    select: {
      id: true,
      key: true,
      number: true,
      title: true,
      severity: true,
      status: true,
      target: true,
      origin: true,
    },
  });
}

/**
 * The project's problems in key order, optionally filtered by severity, status
 * and a search on key and title, each with counts of its non-archived patterns (for coverage hints).
 */
export async function listProblems(projectId: string, filter: ProblemFilter = {}): Promise<ProblemListItem[]> {
  const [problems, groups] = await Promise.all([
    findProblems(projectId, filter),
    prisma().pattern.groupBy({
      by: ["problemId", "purpose", "origin"],
      where: { projectId, archivedAt: null },
      _count: { _all: true },
    }),
  ]);

  const counts = new Map<string, PatternCounts>();
  for (const group of groups) {
    const c = counts.get(group.problemId) ?? { total: 0, control: 0, production: 0 };
    const n = group._count._all;
    c.total += n;
    if (group.purpose === "control") c.control += n;
    if (group.origin === "production") c.production += n;
    counts.set(group.problemId, c);
  }

  return problems.map((p) => ({ ...p, patternCounts: counts.get(p.id) ?? { total: 0, control: 0, production: 0 } }));
}
