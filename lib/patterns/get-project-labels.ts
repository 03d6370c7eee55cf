import "server-only";
import { prisma } from "@/lib/db/prisma";

/** The project's known labels, for label pickers in the pattern editor. */
export async function getProjectLabels(projectId: string): Promise<string[]> {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { labels: true } });
  return project?.labels ?? [];
}
