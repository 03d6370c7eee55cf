import "server-only";
import { prisma } from "@/lib/db/prisma";
import { modelVersionRecordSelect, toModelVersionResponse } from "./to-model-version-response";

/** A model version of this project (pages address it by project slug + id), or null. */
export async function findProjectModelVersion(projectId: string, modelVersionId: string) {
  const record = await prisma().modelVersion.findFirst({ where: { id: modelVersionId, projectId }, select: modelVersionRecordSelect });
  return record ? toModelVersionResponse(record) : null;
}
