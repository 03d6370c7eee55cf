import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { errorResponse } from "@/lib/http/json-response";
import { prisma } from "@/lib/db/prisma";
import { auth } from "./better-auth";
import { requestOrigin } from "./request-origin";
import { clearAccountFailures, recordFailedSignIn, signInRetryAfter } from "./sign-in-rate-limit";

/**
 * Front door of better-auth's endpoints (/api/auth/*): adds the sign-in abuse
 * limits and audit events, and closes open sign-up (accounts come from the
 * first-admin setup or an admin's invite).
 */
export async function handleAuthRequest(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const origin = requestOrigin(request.headers);
  if (request.method === "POST" && path.endsWith("/sign-up/email")) {
    return errorResponse(403, "forbidden", "Accounts are created by invitation from an admin.");
  }
  if (request.method === "POST" && path.endsWith("/sign-in/email")) {
    const body = (await request.clone().json().catch(() => null)) as { email?: unknown } | null;
    const email = typeof body?.email === "string" ? body.email.trim().toLowerCase() : null;
    const retryAfter = await signInRetryAfter(origin.ip, email);
    if (retryAfter > 0) {
      await recordAuditEvent(null, { action: "auth.sign_in_blocked", entityType: "user", data: { email }, }, prisma()).catch(() => undefined);
      return errorResponse(429, "rate_limited", `Too many failed sign-ins. Try again in ${retryAfter} s.`, undefined, { "Retry-After": String(retryAfter) });
    }
    const response = await auth().handler(request);
    const user = email ? await prisma().user.findUnique({ where: { email } }) : null;
    if (response.ok && user) {
      await clearAccountFailures(user.email);
      await recordAuditEvent({ user: { id: user.id, email: user.email, name: user.name, role: user.role }, ...origin }, { action: "auth.sign_in", entityType: "user", entityId: user.id });
    } else {
      await recordFailedSignIn(origin.ip, email);
      await recordAuditEvent(null, { action: "auth.sign_in_failed", entityType: "user", entityId: user?.id ?? null, data: { email } });
    }
    return response;
  }
  if (request.method === "POST" && (path.endsWith("/sign-out") || path.endsWith("/change-password"))) {
    const session = await auth().api.getSession({ headers: request.headers });
    const response = await auth().handler(request);
    if (session && response.ok) {
      const user = await prisma().user.findUnique({ where: { id: session.user.id } });
      if (user) {
        await recordAuditEvent(
          { user: { id: user.id, email: user.email, name: user.name, role: user.role }, ...origin },
          { action: path.endsWith("/sign-out") ? "auth.sign_out" : "auth.change_password", entityType: "user", entityId: user.id },
        );
      }
    }
    return response;
  }
  return auth().handler(request);
}
