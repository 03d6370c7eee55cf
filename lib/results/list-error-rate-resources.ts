import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { listErrorRates } from "./list-error-rates";

/** `GET /projects/{projectId}/error-rates`: 404 for an unknown project, else every problem × model version rate. */
export async function listErrorRateResources(projectId: string) {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw new NotFoundError("Project");
  return listErrorRates(projectId);
}
