import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { displayPrefix, generateTokenSecret, hashTokenSecret } from "@/lib/auth/api-token-secret";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";

export const tokenScopeSchema = z.enum(["read", "write", "capture", "gate"]);

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "is required").max(80),
  scopes: z.array(tokenScopeSchema).min(1, "choose at least one scope").transform((s) => [...new Set(s)]),
  expiresAt: z.coerce
    .date()
    .refine((d) => d.getTime() > Date.now(), "must be in the future")
    .nullish(),
});
export type CreateApiToken = z.infer<typeof createApiTokenSchema>;

/** Creates a token for the signed-in user. The secret is in this return value and nowhere else, ever. */
export async function createApiToken(actor: Actor, input: CreateApiToken) {
  const secret = generateTokenSecret();
  const token = await prisma().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: actor.user.id,
        name: input.name,
        scopes: input.scopes,
        expiresAt: input.expiresAt ?? null,
        tokenHash: hashTokenSecret(secret),
        prefix: displayPrefix(secret),
      },
    });
    await recordAuditEvent(actor, { action: "token.create", entityType: "api_token", entityId: created.id, data: { name: input.name, scopes: input.scopes } }, tx);
    return created;
  });
  return { id: token.id, name: token.name, scopes: token.scopes, prefix: token.prefix, expiresAt: token.expiresAt, createdAt: token.createdAt, secret };
}
