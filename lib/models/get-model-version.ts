import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { modelVersionResourceSelect, toModelVersionResource } from "./model-version-resource";

/** GET /models/{modelId}: the model version's API representation, or NotFoundError. */
export async function getModelVersion(modelVersionId: string) {
  const record = await prisma().modelVersion.findUnique({ where: { id: modelVersionId }, select: modelVersionResourceSelect });
  if (!record) throw new NotFoundError("Model version");
  return toModelVersionResource(record);
}
