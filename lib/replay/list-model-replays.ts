import "server-only";
import { pageArgs, toPage, type PaginationQuery } from "@/lib/http/pagination";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { replayRunResourceSelect, toReplayRunResource } from "./replay-run-resource";

/** Replay runs of a model version, newest first, with their progress. */
export async function listModelReplays(modelVersionId: string, query: PaginationQuery) {
  const modelVersion = await prisma().modelVersion.findUnique({ where: { id: modelVersionId }, select: { projectId: true } });
  if (!modelVersion) throw new NotFoundError("Model version");
  const rows = await prisma().replayRun.findMany({
    where: { projectId: modelVersion.projectId, modelVersionId },
    select: replayRunResourceSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  const now = new Date();
  const page = toPage(rows, query.limit);
  return { items: page.items.map((run) => toReplayRunResource(run, now)), nextCursor: page.nextCursor };
}
