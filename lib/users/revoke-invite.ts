import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";

export async function revokeInvite(actor: Actor, inviteId: string) {
  await prisma().$transaction(async (tx) => {
    const revoked = await tx.invite.updateMany({ where: { id: inviteId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) throw new NotFoundError("Open invite");
    await recordAuditEvent(actor, { action: "invite.revoke", entityType: "invite", entityId: inviteId }, tx);
  });
}
