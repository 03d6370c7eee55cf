import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { listErrorRates } from "./list-error-rates";

/** `?cursor=&limit=`: pages of (problem, model version) rates; a project has up to problems × versions of them. */
export const listErrorRateResourcesQuerySchema = z.object({
  cursor: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type ListErrorRateResourcesQuery = z.infer<typeof listErrorRateResourcesQuerySchema>;

function decodeCursor(cursor: string) {
  const [problemId, modelVersionId, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("/");
  if (!problemId || !modelVersionId || extra !== undefined) {
    throw new ValidationError("Invalid cursor.", [{ path: "query.cursor", message: "not a cursor from this list" }], 400);
  }
  return { problemId, modelVersionId };
}

/**
 * `GET /projects/{projectId}/error-rates`: 404 for an unknown project, else its
 * problem × model version rates ordered by (problem id, model version id), one page at a time.
 */
export async function listErrorRateResources(projectId: string, query: ListErrorRateResourcesQuery = { limit: 1000 }) {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw new NotFoundError("Project");
  const rows = await listErrorRates(projectId, {
    page: { after: query.cursor ? decodeCursor(query.cursor) : null, limit: query.limit + 1 },
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? Buffer.from(`${last.problemId}/${last.modelVersionId}`).toString("base64url") : null;
  return { items, nextCursor };
}
