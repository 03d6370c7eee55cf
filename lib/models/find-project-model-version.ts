import "server-only";
import { prisma } from "@/lib/db/prisma";
import { modelVersionResourceSelect, toModelVersionResource } from "./model-version-resource";

/** A model version of this project (pages address it by project slug + id), or null. */
export async function findProjectModelVersion(projectId: string, modelVersionId: string) {
  const record = await prisma().modelVersion.findFirst({ where: { id: modelVersionId, projectId }, select: modelVersionResourceSelect });
  return record ? toModelVersionResource(record) : null;
}
