import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { errorResponse } from "@/lib/http/json-response";
import { UNAUTHENTICATED_MAX_BODY_BYTES, withBoundedBody } from "@/lib/http/read-bounded-body";
import { prisma } from "@/lib/db/prisma";
import { auth } from "./better-auth";
import { requestOrigin } from "./request-origin";
import { clearFailuresOfAccountAtIp, recordFailedSignIn, signInRetryAfter } from "./sign-in-rate-limit";

type Origin = ReturnType<typeof requestOrigin>;

/**
 * Front door of better-auth's endpoints (/api/auth/*): bounds the body (64 KB,
 * 413 before reading more), adds the sign-in abuse limits and audit events,
 * refuses disabled users, and closes open sign-up (accounts come from the
 * first-admin setup or an admin's invite).
 */
export const handleAuthRequest = withBoundedBody<unknown>(UNAUTHENTICATED_MAX_BODY_BYTES, async (request) => {
  const path = new URL(request.url).pathname;
  const origin = requestOrigin(request.headers);
  if (request.method === "POST" && path.endsWith("/sign-up/email")) {
    return errorResponse(403, "forbidden", "Accounts are created by invitation from an admin.");
  }
  if (request.method === "POST" && path.endsWith("/sign-in/email")) return signIn(request, origin);

  // Every other endpoint acts on the caller's session: a disabled user's is revoked, never honoured.
  const session = await auth().api.getSession({ headers: request.headers });
  const user = session ? await prisma().user.findUnique({ where: { id: session.user.id } }) : null;
  if (session && (!user || user.disabledAt)) {
    await prisma().session.deleteMany({ where: { userId: session.user.id } });
    return errorResponse(401, "unauthenticated", "This account is disabled.");
  }
  const response = await auth().handler(request);
  if (request.method === "POST" && user && response.ok && (path.endsWith("/sign-out") || path.endsWith("/change-password"))) {
    await recordAuditEvent(
      { user: { id: user.id, email: user.email, name: user.name, role: user.role }, ...origin },
      { action: path.endsWith("/sign-out") ? "auth.sign_out" : "auth.change_password", entityType: "user", entityId: user.id },
    );
  }
  return response;
});

async function signIn(request: Request, origin: Origin): Promise<Response> {
  const body = (await request.clone().json().catch(() => null)) as { email?: unknown } | null;
  const email = typeof body?.email === "string" ? body.email.trim().toLowerCase() : null;
  const retryAfter = await signInRetryAfter(origin.ip, email);
  if (retryAfter > 0) {
    await recordAuditEvent(origin, { action: "auth.sign_in_blocked", entityType: "user", data: { email } }).catch(() => undefined);
    return errorResponse(429, "rate_limited", `Too many failed sign-ins. Try again in ${retryAfter} s.`, undefined, { "Retry-After": String(retryAfter) });
  }
  const response = await auth().handler(request);
  const user = email ? await prisma().user.findUnique({ where: { email } }) : null;
  if (response.ok && user) {
    await clearFailuresOfAccountAtIp(user.email, origin.ip);
    await recordAuditEvent({ user: { id: user.id, email: user.email, name: user.name, role: user.role }, ...origin }, { action: "auth.sign_in", entityType: "user", entityId: user.id });
    return response;
  }
  // The password was right (better-auth checks it before creating the session its hook refused).
  if (response.status === 403 && user?.disabledAt) {
    await recordAuditEvent(origin, { action: "auth.sign_in_disabled", entityType: "user", entityId: user.id, data: { email } });
    return errorResponse(403, "account_disabled", "This account is disabled. An admin can enable it again.");
  }
  await recordFailedSignIn(origin.ip, email);
  await recordAuditEvent(origin, { action: "auth.sign_in_failed", entityType: "user", entityId: user?.id ?? null, data: { email } });
  return response;
}
