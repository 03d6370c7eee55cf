import "server-only";
import { prisma } from "@/lib/db/prisma";
import { modelVersionResourceSelect, toModelVersionResource } from "./model-version-resource";

/** The project's model versions, newest first, in their API shape: what "Start from a registered version" copies. */
export async function listModelVersionTemplates(projectId: string, take = 50) {
  const records = await prisma().modelVersion.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: modelVersionResourceSelect,
    take,
  });
  return records.map(toModelVersionResource);
}
