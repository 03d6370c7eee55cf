import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { ValidationError } from "@/lib/errors/domain-errors";

/** A problem's owner must be an active user (422 on `body.ownerId` otherwise). */
export async function assertOwnerIsUser(db: Pick<Prisma.TransactionClient, "user">, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const user = await db.user.findUnique({ where: { id: ownerId }, select: { disabledAt: true } });
  if (!user || user.disabledAt) {
    throw new ValidationError("The owner must be an active user.", [{ path: "body.ownerId", message: "is not an active user" }]);
  }
}
