import "server-only";
import type { NowTestStatus } from "@/lib/db/generated/enums";
import { prisma } from "@/lib/db/prisma";

export type NowTestTimelineEntry = {
  id: string;
  status: NowTestStatus;
  createdAt: Date;
  finishedAt: Date | null;
  compared: number;
  changed: { id: string; name: string }[];
  crossed: { id: string; key: string; title: string }[];
};

/** A version's latest now-tests for its page's timeline, names and keys resolved (newest first). */
export async function listNowTestTimeline(projectId: string, modelVersionId: string, limit = 12): Promise<NowTestTimelineEntry[]> {
  const rows = await prisma().nowTest.findMany({
    where: { projectId, modelVersionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, status: true, createdAt: true, finishedAt: true, compared: true, changedOutputs: true, crossedTarget: true },
  });
  const patternIds = [...new Set(rows.flatMap((r) => r.changedOutputs.slice(0, 20)))];
  const problemIds = [...new Set(rows.flatMap((r) => r.crossedTarget))];
  const [patterns, problems] = await Promise.all([
    prisma().pattern.findMany({ where: { projectId, id: { in: patternIds } }, select: { id: true, name: true } }),
    prisma().problem.findMany({ where: { projectId, id: { in: problemIds } }, select: { id: true, key: true, title: true } }),
  ]);
  const patternOf = new Map(patterns.map((p) => [p.id, p]));
  const problemOf = new Map(problems.map((p) => [p.id, p]));
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    compared: row.compared,
    // Every changed pattern counts; the first 20 are named.
    changed: row.changedOutputs.map((id, i) => (i < 20 ? (patternOf.get(id) ?? { id, name: "(deleted pattern)" }) : { id, name: "" })),
    crossed: row.crossedTarget.flatMap((id) => problemOf.get(id) ?? []),
  }));
}
