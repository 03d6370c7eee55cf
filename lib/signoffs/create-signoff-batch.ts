import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import type { CreateSignoffBatchInput } from "./create-signoff.schema";
import type { SignoffResource } from "./signoff-resource";
import { writeSignoffs } from "./write-signoffs";

/** Several decisions on one model version, one record per problem, all or nothing (POST /models/{modelId}/signoffs). */
export async function createSignoffBatch(actor: Actor, modelVersionId: string, input: CreateSignoffBatchInput): Promise<{ items: SignoffResource[] }> {
  const modelVersion = await prisma().modelVersion.findUnique({ where: { id: modelVersionId }, select: { id: true, projectId: true } });
  if (!modelVersion) throw new NotFoundError("Model version");
  const items = await writeSignoffs(actor, { projectId: modelVersion.projectId, modelVersionId }, input.items, (index) => `body.items.${index}.problemId`);
  return { items };
}
