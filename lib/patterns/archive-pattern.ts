import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { patternResourceSelect, toPatternResource } from "./pattern-resource";

/**
 * Archives a pattern: it leaves the problem's current pattern set (lists, error
 * rates, replays) while its revisions and results stay for history. Archiving
 * an archived pattern changes nothing.
 */
export async function archivePattern(actor: Actor, patternId: string) {
  return prisma().$transaction(async (tx) => {
    const pattern = await tx.pattern.findUnique({ where: { id: patternId }, select: { id: true, projectId: true, archivedAt: true, name: true } });
    if (!pattern) throw new NotFoundError("Pattern");
    if (!pattern.archivedAt) {
      await tx.pattern.update({ where: { id: patternId, projectId: pattern.projectId }, data: { archivedAt: new Date(), lockVersion: { increment: 1 } } });
      await recordAuditEvent(actor, { action: "pattern.archive", entityType: "pattern", entityId: patternId, projectId: pattern.projectId, data: { name: pattern.name } }, tx);
    }
    return toPatternResource(await tx.pattern.findUniqueOrThrow({ where: { id: patternId, projectId: pattern.projectId }, select: patternResourceSelect }));
  });
}
