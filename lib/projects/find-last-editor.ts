import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

/** Name of whoever last created or changed this entity, from the audit trail (for "Changed by X since you opened it"). */
export async function findLastEditor(db: Pick<Prisma.TransactionClient, "auditEvent">, entityType: string, entityId: string): Promise<string | null> {
  const event = await db.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: { id: "desc" },
    select: { actor: { select: { name: true } } },
  });
  return event?.actor?.name ?? null;
}

export function conflictMessage(editor: string | null): string {
  return `Changed by ${editor ?? "someone else"} since you opened it`;
}
