import { prisma } from "@/lib/db/prisma";
import type { Role, TokenScope } from "@/lib/db/generated/enums";
import { auth } from "@/lib/auth/better-auth";
import { createAccount } from "@/lib/users/create-account";
import { createApiToken } from "@/lib/api-tokens/create-api-token";

// Real users, real sessions (better-auth sign-in) and real API tokens for
// integration tests; shared so every test authenticates the way clients do.

export const TEST_PASSWORD = "correct-horse-battery";
export const ROLES: Role[] = ["admin", "engineer", "tester", "stakeholder"];

export type TestUser = { id: string; email: string; role: Role; cookie: string };

export async function createTestUser(role: Role, email = `${role}-${Math.random().toString(36).slice(2, 8)}@test.local`): Promise<TestUser> {
  const user = await prisma().$transaction((tx) => createAccount(tx, { name: `Test ${role}`, email, password: TEST_PASSWORD }, role));
  const response = await auth().api.signInEmail({ body: { email, password: TEST_PASSWORD }, asResponse: true });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error(`sign-in for ${email} returned no cookie (status ${response.status})`);
  return { id: user.id, email, role, cookie };
}

export async function createTestToken(user: TestUser, scopes: TokenScope[], extra: { expiresAt?: Date; projectIds?: string[] } = {}) {
  const actor = { user: { id: user.id, email: user.email, name: user.email, role: user.role }, ip: null, userAgent: null };
  const token = await createApiToken(actor, { name: `test ${scopes.join("+")}`, scopes, projectIds: extra.projectIds ?? [], expiresAt: null });
  if (extra.expiresAt) await prisma().apiToken.update({ where: { id: token.id }, data: { expiresAt: extra.expiresAt } });
  return token;
}
