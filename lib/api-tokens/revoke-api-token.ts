import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";

/** Revokes one of the caller's tokens (admins may revoke anyone's). Revoking twice is a 404. */
export async function revokeApiToken(actor: Actor, tokenId: string) {
  await prisma().$transaction(async (tx) => {
    const owner = actor.user.role === "admin" ? {} : { userId: actor.user.id };
    const revoked = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null, ...owner }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) throw new NotFoundError("Active API token");
    await recordAuditEvent(actor, { action: "token.revoke", entityType: "api_token", entityId: tokenId }, tx);
  });
}
