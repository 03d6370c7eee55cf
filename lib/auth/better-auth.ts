import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { prisma } from "@/lib/db/prisma";
import { publicUrl, requireSecret } from "@/lib/env";

import { MIN_PASSWORD_LENGTH } from "./password-policy";

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
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Ratchet limits sign-in attempts itself, per account and per IP (lib/auth/sign-in-rate-limit.ts).
    rateLimit: { enabled: false },
    trustedOrigins: [baseURL],
    advanced: {
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      database: { generateId: false },
    },
    telemetry: { enabled: false },
    logger: { level: "error" },
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { ratchetAuth?: Auth };

/** The better-auth instance (created on first use: it needs the database and secret). */
export function auth(): Auth {
  globalForAuth.ratchetAuth ??= createAuth();
  return globalForAuth.ratchetAuth;
}
