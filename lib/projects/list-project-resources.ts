import "server-only";
import { type PaginationQuery, pageArgs, toPage } from "@/lib/http/pagination";
import { prisma } from "@/lib/db/prisma";
import type { ProjectResource } from "./project.schema";
import { projectResourceSelect, toProjectResource } from "./project-resource";

/** One page of projects for the API, by name then id; `onlyIds`: a project-limited token's projects. */
export async function listProjectResources(page: PaginationQuery, onlyIds: string[] | null = null): Promise<{ items: ProjectResource[]; nextCursor: string | null }> {
  const rows = await prisma().project.findMany({
    where: onlyIds ? { id: { in: onlyIds } } : {},
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: projectResourceSelect,
    ...pageArgs(page),
  });
  const { items, nextCursor } = toPage(rows, page.limit);
  return { items: items.map(toProjectResource), nextCursor };
}
