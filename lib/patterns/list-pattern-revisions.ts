import "server-only";
import { pageArgs, toPage, type PaginationQuery } from "@/lib/http/pagination";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import type { Expectation } from "@/lib/scoring/expectation.schema";

/** A pattern's revisions, newest first, each with who made it and when; 404 when the pattern does not exist. */
export async function listPatternRevisions(patternId: string, query: PaginationQuery) {
  const pattern = await prisma().pattern.findUnique({ where: { id: patternId }, select: { projectId: true, currentRevisionId: true } });
  if (!pattern) throw new NotFoundError("Pattern");
  const rows = await prisma().patternRevision.findMany({
    where: { projectId: pattern.projectId, patternId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, inputKind: true, input: true, inputHash: true, expectation: true, attachmentId: true, createdAt: true, createdById: true },
    ...pageArgs(query),
  });
  const page = toPage(rows, query.limit);
  // pattern_revisions.created_by_id has no relation in the schema (yet): look the people up in one query.
  const creatorIds = [...new Set(page.items.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const creators = new Map(
    (await prisma().user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]),
  );
  return {
    items: page.items.map(({ createdById, ...revision }) => ({
      ...revision,
      input: revision.input as Prisma.JsonValue,
      expectation: revision.expectation as Expectation,
      current: revision.id === pattern.currentRevisionId,
      createdBy: createdById ? (creators.get(createdById) ?? null) : null,
    })),
    nextCursor: page.nextCursor,
  };
}
