import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/auth/actor";

type Db = Pick<Prisma.TransactionClient, "auditEvent">;

export type AuditEventInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  projectId?: string | null;
  data?: Prisma.InputJsonValue;
};

/** Who did it: an actor, or for anonymous requests (failed sign-ins) only where from; null when neither is known. */
export type AuditOrigin = (Partial<Pick<Actor, "user" | "token">> & Pick<Actor, "ip" | "userAgent">) | null;

/** Appends an audit event; pass the transaction client so it commits with the change it records. */
export async function recordAuditEvent(actor: AuditOrigin, event: AuditEventInput, db: Db = prisma()) {
  await db.auditEvent.create({
    data: {
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      projectId: event.projectId ?? null,
      data: event.data,
      actorId: actor?.user?.id ?? null,
      tokenId: actor?.token?.id ?? null,
      ip: actor?.ip ?? null,
      userAgent: actor?.userAgent ?? null,
    },
  });
}
