import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import { conflictMessage, findLastEditor } from "@/lib/projects/find-last-editor";
import { assertOwnerIsUser } from "./assert-owner-is-user";
import type { ProblemResource, UpdateProblem } from "./problem.schema";
import { problemResourceSelect, toProblemResource } from "./problem-resource";

/**
 * Edits a problem if nobody changed it since `lockVersion` (else 409 with the
 * current values and who changed it), recording each changed field's from/to.
 */
export async function updateProblem(actor: Actor, problemId: string, input: UpdateProblem): Promise<ProblemResource> {
  const { lockVersion, ...fields } = input;
  return prisma().$transaction(async (tx) => {
    const before = await tx.problem.findUnique({ where: { id: problemId }, select: problemResourceSelect });
    if (!before) throw new NotFoundError("Problem");
    if (fields.ownerId !== undefined && fields.ownerId !== before.ownerId) await assertOwnerIsUser(tx, fields.ownerId);

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, to] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
      if (to !== undefined && before[field] !== to) changes[field] = { from: before[field], to };
    }

    const updated = await tx.problem.updateMany({
      where: { id: problemId, lockVersion },
      data: { ...fields, lockVersion: { increment: 1 } },
    });
    if (updated.count !== 1) {
      const current = await tx.problem.findUnique({ where: { id: problemId }, select: problemResourceSelect });
      if (!current) throw new NotFoundError("Problem");
      throw new ConflictError(conflictMessage(await findLastEditor(tx, "problem", problemId)), toProblemResource(current));
    }
    if (Object.keys(changes).length) {
      await recordAuditEvent(
        actor,
        { action: "problem.update", entityType: "problem", entityId: problemId, projectId: before.projectId, data: { key: before.key, changes } as Prisma.InputJsonObject },
        tx,
      );
    }
    return toProblemResource(await tx.problem.findUniqueOrThrow({ where: { id: problemId }, select: problemResourceSelect }));
  });
}
