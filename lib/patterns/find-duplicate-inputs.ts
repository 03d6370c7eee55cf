import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

export type PatternWarning = { code: "duplicate_input"; patternId: string; name: string; message: string };

/** Other non-archived patterns of the problem whose current revision has the same input: worth a warning, not a refusal. */
export async function findDuplicateInputs(
  tx: Prisma.TransactionClient,
  where: { projectId: string; problemId: string; inputHash: string; exceptPatternId?: string },
): Promise<PatternWarning[]> {
  const duplicates = await tx.pattern.findMany({
    where: {
      projectId: where.projectId,
      problemId: where.problemId,
      archivedAt: null,
      currentRevision: { inputHash: where.inputHash },
      ...(where.exceptPatternId ? { id: { not: where.exceptPatternId } } : {}),
    },
    select: { id: true, name: true },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  return duplicates.map((d) => ({ code: "duplicate_input", patternId: d.id, name: d.name, message: `Same input as pattern “${d.name}” of this problem.` }));
}
