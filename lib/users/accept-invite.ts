import "server-only";
import { hashTokenSecret } from "@/lib/auth/api-token-secret";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { createAccount } from "./create-account";
import type { NewAccount } from "./user.schema";

/** Looks up an open invite by the secret from its link (not found, used, revoked and expired look alike). */
export async function findOpenInvite(secret: string) {
  const invite = await prisma().invite.findUnique({ where: { tokenHash: hashTokenSecret(secret) } });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= new Date()) return null;
  return invite;
}

export async function acceptInvite(secret: string, account: Omit<NewAccount, "email">, origin: { ip: string | null; userAgent: string | null }) {
  return prisma().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashTokenSecret(secret) } });
    if (!invite || invite.revokedAt || invite.expiresAt <= new Date()) throw new NotFoundError("Invite");
    if (invite.acceptedAt) throw new ValidationError("This invite was already used.", [{ path: "token", message: "already used" }]);
    const claimed = await tx.invite.updateMany({ where: { id: invite.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw new ValidationError("This invite was already used.", [{ path: "token", message: "already used" }]);
    const user = await createAccount(tx, { ...account, email: invite.email }, invite.role);
    await recordAuditEvent(
      { user: { id: user.id, email: user.email, name: user.name, role: user.role }, ...origin },
      { action: "invite.accept", entityType: "user", entityId: user.id, data: { inviteId: invite.id, role: invite.role } },
      tx,
    );
    return user;
  });
}
