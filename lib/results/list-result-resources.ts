import "server-only";
import { z } from "zod";
import { pageArgs, paginationQuerySchema, toPage } from "@/lib/http/pagination";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";

export const listResultResourcesQuerySchema = paginationQuerySchema.extend({
  verdict: z.enum(["pass", "fail", "error", "ungraded"]).optional(),
  /** Only results of the patterns' current revisions (what error rates count). */
  current: z.enum(["true", "false"]).default("false"),
});
export type ListResultResourcesQuery = z.infer<typeof listResultResourcesQuerySchema>;

/** `GET /models/{modelId}/results`: one row per pattern revision replayed on the model version; `stale` when made with an earlier connector configuration. */
export async function listResultResources(modelVersionId: string, query: ListResultResourcesQuery) {
  const modelVersion = await prisma().modelVersion.findUnique({ where: { id: modelVersionId }, select: { projectId: true, connectorRevision: true } });
  if (!modelVersion) throw new NotFoundError("Model version");
  const rows = await prisma().result.findMany({
    where: {
      projectId: modelVersion.projectId,
      modelVersionId,
      ...(query.verdict === "ungraded" ? { verdict: null } : query.verdict ? { verdict: query.verdict } : {}),
      ...(query.current === "true" ? { patternRevision: { currentOf: { archivedAt: null } } } : {}),
    },
    select: {
      id: true, problemId: true, patternId: true, patternRevisionId: true, replayRunId: true, output: true, outputHash: true,
      verdict: true, errorReason: true, latencyMs: true, connectorRevision: true, updatedAt: true,
    },
    orderBy: { id: "asc" },
    ...pageArgs(query),
  });
  const page = toPage(rows, query.limit);
  return { ...page, items: page.items.map((row) => ({ ...row, stale: row.connectorRevision < modelVersion.connectorRevision })) };
}
