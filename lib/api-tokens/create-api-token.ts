import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { displayPrefix, generateTokenSecret, hashTokenSecret } from "@/lib/auth/api-token-secret";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { ValidationError } from "@/lib/errors/domain-errors";
import { idSchema } from "@/lib/http/id-params";

export const tokenScopeSchema = z.enum(["read", "write", "capture", "gate"]);

export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(1, "is required").max(80),
    scopes: z.array(tokenScopeSchema).min(1, "choose at least one scope").transform((s) => [...new Set(s)]),
    projectIds: z
      .array(idSchema)
      .max(100)
      .default([])
      .transform((ids) => [...new Set(ids)])
      .describe("Projects the token may reach; empty: every project (not allowed with the capture scope)"),
    expiresAt: z.coerce
      .date()
      .refine((d) => d.getTime() > Date.now(), "must be in the future")
      .nullish(),
  })
  // A capture token lives in a production system: it must not reach every project if it leaks.
  .refine((token) => !token.scopes.includes("capture") || token.projectIds.length > 0, { path: ["projectIds"], message: "a token with the capture scope must name its projects" });
export type CreateApiToken = z.infer<typeof createApiTokenSchema>;

/** Creates a token for the signed-in user. The secret is in this return value and nowhere else, ever. */
export async function createApiToken(actor: Actor, input: CreateApiToken) {
  const secret = generateTokenSecret();
  const token = await prisma().$transaction(async (tx) => {
    if (input.projectIds.length) {
      const found = new Set((await tx.project.findMany({ where: { id: { in: input.projectIds } }, select: { id: true } })).map((p) => p.id));
      const unknown = input.projectIds.filter((id) => !found.has(id));
      if (unknown.length) throw new ValidationError("Some projects do not exist.", unknown.map((id) => ({ path: `body.projectIds.${input.projectIds.indexOf(id)}`, message: `unknown project ${id}` })));
    }
    const created = await tx.apiToken.create({
      data: {
        userId: actor.user.id,
        name: input.name,
        scopes: input.scopes,
        projectIds: input.projectIds,
        expiresAt: input.expiresAt ?? null,
        tokenHash: hashTokenSecret(secret),
        prefix: displayPrefix(secret),
      },
    });
    await recordAuditEvent(actor, { action: "token.create", entityType: "api_token", entityId: created.id, data: { name: input.name, scopes: input.scopes, projectIds: input.projectIds } }, tx);
    return created;
  });
  return { id: token.id, name: token.name, scopes: token.scopes, projectIds: token.projectIds, prefix: token.prefix, expiresAt: token.expiresAt, createdAt: token.createdAt, secret };
}
