import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { modelVersionRecordSelect, toModelVersionResponse } from "./to-model-version-response";

/** GET /models/{modelId}: the model version's API representation, or NotFoundError. */
export async function loadModelVersion(modelVersionId: string) {
  const record = await prisma().modelVersion.findUnique({ where: { id: modelVersionId }, select: modelVersionRecordSelect });
  if (!record) throw new NotFoundError("Model version");
  return toModelVersionResponse(record);
}
