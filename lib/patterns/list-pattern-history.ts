import "server-only";
import { prisma } from "@/lib/db/prisma";
import { buildPatternHistory } from "./build-pattern-history";
import { listPatternRevisions } from "./list-pattern-revisions";
import { readPatternUpdateRecord } from "./pattern-detail-changes";

/**
 * The pattern page's History: its revisions (the newest 200) with the in-place
 * edits of name, purpose, origin and notes between them, read from the pattern's
 * pattern.update audit events (the only place those changes are kept).
 */
export async function listPatternHistory(projectId: string, patternId: string) {
  const [revisions, events] = await Promise.all([
    listPatternRevisions(patternId, { limit: 200 }),
    prisma().auditEvent.findMany({
      where: { projectId, entityType: "pattern", entityId: patternId, action: "pattern.update" },
      orderBy: { id: "asc" },
      select: { id: true, createdAt: true, data: true, actor: { select: { name: true, email: true } } },
    }),
  ]);
  return buildPatternHistory(
    revisions.items,
    events.map((event) => ({ id: event.id.toString(), createdAt: event.createdAt, actor: event.actor, record: readPatternUpdateRecord(event.data) })),
  );
}

export type PatternHistory = Awaited<ReturnType<typeof listPatternHistory>>;
