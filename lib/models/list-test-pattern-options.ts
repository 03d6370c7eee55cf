import "server-only";
import { prisma } from "@/lib/db/prisma";

/** Current patterns Test connection can send, in the order "the project's first pattern" means (oldest first); at most `take`. */
export async function listTestPatternOptions(projectId: string, take = 200) {
  const patterns = await prisma().pattern.findMany({
    where: { projectId, archivedAt: null, currentRevisionId: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, problem: { select: { key: true } } },
    take,
  });
  return patterns.map((p) => ({ id: p.id, name: p.name, problemKey: p.problem.key }));
}
