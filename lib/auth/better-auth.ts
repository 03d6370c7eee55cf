import "server-only";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { prisma } from "@/lib/db/prisma";
import { env, publicUrl, requireSecret } from "@/lib/env";

import { MIN_PASSWORD_LENGTH } from "./password-policy";
import { requestOrigin } from "./request-origin";

function createAuth() {
  const baseURL = publicUrl();
  return betterAuth({
    baseURL,
    secret: requireSecret(),
    database: prismaAdapter(prisma(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 256 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, input: false, defaultValue: "stakeholder" },
        // Read with the session (resolveActor refuses a disabled user's session without a query of its own).
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // No session for a disabled user, whichever path asks for one (sign-in, setup, invites, password change).
    databaseHooks: {
      session: {
        create: {
          before: async (session, context) => {
            const user = await prisma().user.findUnique({ where: { id: session.userId }, select: { disabledAt: true } });
            if (!user || user.disabledAt) throw new APIError("FORBIDDEN", { code: ACCOUNT_DISABLED_CODE, message: "This account is disabled." });
            // The session's address as the rate limits and audit log see it, not better-auth's reading of X-Forwarded-For.
            const headers = context?.headers ?? context?.request?.headers;
            return { data: { ipAddress: headers ? requestOrigin(headers).ip : null } };
          },
        },
      },
    },
    // Ratchet limits sign-in attempts itself, per account and per IP (lib/auth/sign-in-rate-limit.ts).
    rateLimit: { enabled: false },
    // The configured URL, plus the request's own host when no public URL is set:
    // an Origin equal to the Host it was sent to is same-origin, so the CSRF check
    // still holds while localhost, 127.0.0.1 and a LAN name all work out of the box.
    trustedOrigins: (request) => [baseURL, ...(!env().RATCHET_PUBLIC_URL && request ? [requestHostOrigin(request)] : [])],
    advanced: {
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      database: { generateId: false },
    },
    telemetry: { enabled: false },
    logger: { level: "error" },
  });
}

/** better-auth's error code when a disabled user would get a session. */
export const ACCOUNT_DISABLED_CODE = "ACCOUNT_DISABLED";

function requestHostOrigin(request: Request): string | null {
  const host = request.headers.get("host");
  if (!host) return null;
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return `${proto}://${host}`;
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { ratchetAuth?: Auth };

/** The better-auth instance (created on first use: it needs the database and secret). */
export function auth(): Auth {
  globalForAuth.ratchetAuth ??= createAuth();
  return globalForAuth.ratchetAuth;
}
