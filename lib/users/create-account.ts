import "server-only";
import { hashPassword } from "better-auth/crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { ConflictError } from "@/lib/errors/domain-errors";
import type { NewAccount } from "./user.schema";

/**
 * Creates a user and its better-auth credential account (scrypt hash) inside the
 * caller's transaction, so first-admin setup and invite acceptance stay atomic.
 */
export async function createAccount(tx: Prisma.TransactionClient, account: NewAccount, role: Role) {
  const existing = await tx.user.findUnique({ where: { email: account.email } });
  if (existing) throw new ConflictError("An account with this email already exists.");
  const user = await tx.user.create({ data: { name: account.name, email: account.email, role, emailVerified: true } });
  await tx.account.create({
    data: { userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(account.password) },
  });
  return user;
}
