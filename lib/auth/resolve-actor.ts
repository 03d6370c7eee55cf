import "server-only";
import { prisma } from "@/lib/db/prisma";
import { UnauthenticatedError } from "@/lib/errors/domain-errors";
import type { Role } from "@/lib/db/generated/enums";
import type { Actor } from "./actor";
import { TOKEN_PREFIX, hashTokenSecret } from "./api-token-secret";
import { auth } from "./better-auth";
import { signalWebPressure } from "@/lib/replay/web-pressure";
import { requestOrigin } from "./request-origin";

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The actor behind a request: a Bearer API token when one is sent (an invalid
 * one is refused outright, never downgraded to anonymous), else the session
 * cookie, else null.
 */
export async function resolveActor(headers: Headers): Promise<Actor | null> {
  // Every page and API request passes here: the one place the app can tell workers the web is busy.
  signalWebPressure();
  const origin = requestOrigin(headers);
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const secret = match?.[1];
    if (!secret || !secret.startsWith(TOKEN_PREFIX)) throw new UnauthenticatedError("Malformed Authorization header: expected 'Bearer rt_…'.");
    const token = await prisma().apiToken.findUnique({
      where: { tokenHash: hashTokenSecret(secret) },
      include: { user: true },
    });
    const now = new Date();
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || token.user.disabledAt) {
      throw new UnauthenticatedError("This API token is invalid, revoked or expired.");
    }
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await prisma().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
    }
    const { id, email, name, role } = token.user;
    return { user: { id, email, name, role }, token: { id: token.id, name: token.name, scopes: token.scopes, projectIds: token.projectIds }, ...origin };
  }
  // The session's user is read with it, role and disabledAt included (better-auth.ts's additionalFields).
  const session = await auth().api.getSession({ headers });
  if (!session || session.user.disabledAt) return null;
  const { id, email, name, role } = session.user;
  return { user: { id, email, name, role: role as Role }, ...origin };
}
