import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { authorize } from "@/lib/auth/authorize";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { env } from "@/lib/env";
import { UnauthenticatedError } from "@/lib/errors/domain-errors";

const NO_CREDENTIALS = "Send Authorization: Bearer with RATCHET_METRICS_TOKEN or an API token with the read scope.";

/**
 * Who may scrape GET /api/metrics: the static RATCHET_METRICS_TOKEN (compared
 * in constant time) or an API token with the `read` scope (metrics.read).
 * Anything else, a session cookie included, is 401; a token without the scope 403.
 */
export async function authorizeMetricsScrape(headers: Headers): Promise<void> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  if (!bearer) throw new UnauthenticatedError(NO_CREDENTIALS);
  const configured = env().RATCHET_METRICS_TOKEN;
  if (configured && sameSecret(bearer, configured)) return;
  if (!bearer.startsWith("rt_")) throw new UnauthenticatedError(NO_CREDENTIALS);
  const actor = await resolveActor(headers);
  if (!actor?.token) throw new UnauthenticatedError(NO_CREDENTIALS);
  authorize(actor, "metrics.read");
}

/** Equal secrets, in time that depends on neither (both hashed to 32 bytes first). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
