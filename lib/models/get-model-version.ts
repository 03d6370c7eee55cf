import "server-only";
import { prisma } from "@/lib/db/prisma";
import { modelVersionSelect } from "./list-model-versions";

/** One model version of the project, or null (also when it belongs to another project). */
export async function getModelVersion(projectId: string, modelVersionId: string) {
  return prisma().modelVersion.findFirst({
    where: { id: modelVersionId, projectId },
    select: { ...modelVersionSelect, concurrency: true, timeoutMs: true, connector: true },
  });
}
