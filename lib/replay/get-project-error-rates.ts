import "server-only";
import { prisma } from "@/lib/db/prisma";
import { listErrorRates } from "@/lib/error-rates/list-error-rates";
import { NotFoundError } from "@/lib/errors/domain-errors";

/** The error-rates API: 404 for an unknown project, else every problem × model version rate. */
export async function getProjectErrorRates(projectId: string) {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw new NotFoundError("Project");
  return listErrorRates(projectId);
}
