import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { hashTokenSecret } from "@/lib/auth/api-token-secret";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { publicUrl } from "@/lib/env";
import { ConflictError } from "@/lib/errors/domain-errors";
import { emailSchema, roleSchema } from "./user.schema";

export const createInviteSchema = z.object({
  email: emailSchema,
  role: roleSchema,
  expiresInHours: z.number().int().min(1).max(24 * 30).default(72),
});
export type CreateInvite = z.infer<typeof createInviteSchema>;

/** An invite link carries a random secret; only its hash is stored. The link is returned once. */
export async function createInvite(actor: Actor, input: CreateInvite) {
  if (await prisma().user.findUnique({ where: { email: input.email } })) {
    throw new ConflictError("A user with this email already exists.");
  }
  const secret = randomBytes(24).toString("base64url");
  const invite = await prisma().$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: {
        email: input.email,
        role: input.role,
        tokenHash: hashTokenSecret(secret),
        expiresAt: new Date(Date.now() + input.expiresInHours * 3_600_000),
        createdById: actor.user.id,
      },
    });
    await recordAuditEvent(actor, { action: "invite.create", entityType: "invite", entityId: created.id, data: { email: input.email, role: input.role } }, tx);
    return created;
  });
  return { id: invite.id, email: invite.email, role: invite.role, expiresAt: invite.expiresAt, url: `${publicUrl()}/invite/${secret}` };
}
