import "server-only";
import { prisma } from "@/lib/db/prisma";
import { listGradingQueue, type ListGradingQueueQuery } from "./list-grading-queue";

/**
 * The grading queue page: each ungraded output with what a person needs to
 * judge it: the pattern's input and notes, its problem, and the model versions
 * that gave this output.
 */
export async function listGradingQueueItems(projectId: string, query: ListGradingQueueQuery) {
  const page = await listGradingQueue(projectId, query);
  const revisionIds = [...new Set(page.items.map((i) => i.patternRevisionId))];
  const modelVersionIds = [...new Set(page.items.flatMap((i) => i.modelVersionIds))];
  const [revisions, modelVersions] = await Promise.all([
    prisma().patternRevision.findMany({
      where: { projectId, id: { in: revisionIds } },
      select: {
        id: true,
        number: true,
        inputKind: true,
        attachmentId: true,
        pattern: { select: { notes: true, purpose: true, problem: { select: { key: true, title: true } } } },
      },
    }),
    prisma().modelVersion.findMany({ where: { projectId, id: { in: modelVersionIds } }, select: { id: true, name: true, version: true } }),
  ]);
  const revisionById = new Map(revisions.map((r) => [r.id, r]));
  const modelVersionById = new Map(modelVersions.map((m) => [m.id, m]));
  const items = page.items.flatMap((item) => {
    const revision = revisionById.get(item.patternRevisionId);
    if (!revision) return [];
    return [
      {
        ...item,
        revision: revision.number,
        inputKind: revision.inputKind,
        attachmentId: revision.attachmentId,
        notes: revision.pattern.notes,
        purpose: revision.pattern.purpose,
        problem: revision.pattern.problem,
        modelVersions: item.modelVersionIds.flatMap((id) => modelVersionById.get(id) ?? []),
      },
    ];
  });
  return { items, nextCursor: page.nextCursor };
}

export type GradingQueueItem = Awaited<ReturnType<typeof listGradingQueueItems>>["items"][number];
