import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { patternViewSelect, toPatternView } from "./pattern-view";

/** One pattern with its current revision (archived ones too: their page keeps the history); 404 when missing. */
export async function getPattern(patternId: string, scope: { projectId?: string } = {}) {
  const row = await prisma().pattern.findFirst({ where: { id: patternId, ...(scope.projectId ? { projectId: scope.projectId } : {}) }, select: patternViewSelect });
  if (!row) throw new NotFoundError("Pattern");
  return toPatternView(row);
}
