import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { NotFoundError } from "@/lib/errors/domain-errors";

/** A problem with what pattern validation needs of its project (output kind, labels, input schema); 404 when missing. */
export async function loadProblemForPatterns(tx: Prisma.TransactionClient, problemId: string) {
  const problem = await tx.problem.findUnique({
    where: { id: problemId },
    select: { id: true, key: true, projectId: true, project: { select: { id: true, slug: true, outputKind: true, labels: true, inputSchema: true } } },
  });
  if (!problem) throw new NotFoundError("Problem");
  return problem;
}
