import "server-only";
import { prisma } from "@/lib/db/prisma";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError } from "@/lib/errors/domain-errors";
import { createAccount } from "./create-account";
import type { NewAccount } from "./user.schema";

/** On an instance with no users, the first account becomes admin; afterwards this is refused. */
export async function createFirstAdmin(account: NewAccount, origin: { ip: string | null; userAgent: string | null }) {
  return prisma().$transaction(async (tx) => {
    // Serialises concurrent first sign-ups: only one can see an empty users table.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727274001)`;
    if ((await tx.user.count()) > 0) throw new ConflictError("This instance already has an admin; ask them for an invite.");
    const user = await createAccount(tx, account, "admin");
    await recordAuditEvent(
      { user: { id: user.id, email: user.email, name: user.name, role: user.role }, ...origin },
      { action: "user.create_first_admin", entityType: "user", entityId: user.id },
      tx,
    );
    return user;
  });
}

export async function instanceHasUsers(): Promise<boolean> {
  return (await prisma().user.count()) > 0;
}
