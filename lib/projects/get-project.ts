import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import type { ProjectResource } from "./project.schema";
import { projectResourceSelect, toProjectResource } from "./project-resource";

export async function getProject(projectId: string): Promise<ProjectResource> {
  const row = await prisma().project.findUnique({ where: { id: projectId }, select: projectResourceSelect });
  if (!row) throw new NotFoundError("Project");
  return toProjectResource(row);
}
