import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { patternResourceSelect, toPatternResource } from "./pattern-resource";

/** One pattern with its current revision (archived ones too: their page keeps the history); 404 when missing. */
export async function getPattern(patternId: string, scope: { projectId?: string } = {}) {
  const row = await prisma().pattern.findFirst({ where: { id: patternId, ...(scope.projectId ? { projectId: scope.projectId } : {}) }, select: patternResourceSelect });
  if (!row) throw new NotFoundError("Pattern");
  return toPatternResource(row);
}
