import "server-only";
import { pageArgs, toPage, type PaginationQuery } from "@/lib/http/pagination";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { modelVersionResourceSelect, toModelVersionResource } from "./model-version-resource";

/** GET /projects/{projectId}/models: one page of the project's model versions, in registration order. */
export async function listModelVersionResources(projectId: string, page: PaginationQuery) {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw new NotFoundError("Project");
  if (page.cursor && !(await prisma().modelVersion.findFirst({ where: { id: page.cursor, projectId }, select: { id: true } }))) {
    return { items: [], nextCursor: null };
  }
  const rows = await prisma().modelVersion.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: modelVersionResourceSelect,
    ...pageArgs(page),
  });
  const { items, nextCursor } = toPage(rows, page.limit);
  return { items: items.map(toModelVersionResource), nextCursor };
}
