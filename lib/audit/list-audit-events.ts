import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";

export const listAuditEventsQuerySchema = z.object({
  cursor: z.string().regex(/^\d+$/, "must be an event id").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(80).optional(),
});
export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuerySchema>;

/** Newest first; the cursor is the last event's id (events are append-only, ids only grow). */
export async function listAuditEvents(query: ListAuditEventsQuery) {
  const rows = await prisma().auditEvent.findMany({
    where: { ...(query.action ? { action: query.action } : {}), ...(query.cursor ? { id: { lt: BigInt(query.cursor) } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: { actor: { select: { email: true } } },
  });
  const items = rows.slice(0, query.limit).map((e) => ({
    id: e.id.toString(),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    projectId: e.projectId,
    actor: e.actor?.email ?? null,
    tokenId: e.tokenId,
    ip: e.ip,
    userAgent: e.userAgent,
    data: e.data,
    createdAt: e.createdAt,
  }));
  return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
}
