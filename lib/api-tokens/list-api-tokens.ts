import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/prisma";

/** The caller's tokens (admins: everyone's), without anything secret. */
export async function listApiTokens(actor: Actor, options: { all?: boolean } = {}) {
  const everyone = options.all && actor.user.role === "admin";
  const tokens = await prisma().apiToken.findMany({
    where: everyone ? {} : { userId: actor.user.id },
    orderBy: { createdAt: "desc" },
    include: { user: { select: { email: true } } },
  });
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    projectIds: t.projectIds,
    owner: t.user.email,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
    createdAt: t.createdAt,
    state: t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt <= new Date() ? "expired" : "active",
  }));
}
