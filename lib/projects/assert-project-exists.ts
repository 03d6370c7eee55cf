import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";

/** 404 for a list under a project that does not exist (an empty list would hide a wrong id). */
export async function assertProjectExists(projectId: string): Promise<void> {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw new NotFoundError("Project");
}
