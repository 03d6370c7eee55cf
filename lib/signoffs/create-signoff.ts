import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import type { CreateSignoffInput } from "./create-signoff.schema";
import type { SignoffResource } from "./signoff-resource";
import { writeSignoffs } from "./write-signoffs";

/** A stakeholder's decision on one problem for one model version of its project (POST /problems/{problemId}/signoffs). */
export async function createSignoff(actor: Actor, problemId: string, input: CreateSignoffInput): Promise<SignoffResource> {
  const problem = await prisma().problem.findUnique({ where: { id: problemId }, select: { id: true, projectId: true } });
  if (!problem) throw new NotFoundError("Problem");
  const modelVersion = await prisma().modelVersion.findFirst({ where: { id: input.modelVersionId, projectId: problem.projectId }, select: { id: true } });
  if (!modelVersion) throw new ValidationError("The model version is not one of this problem's project.", [{ path: "body.modelVersionId", message: "no model version of this project" }]);
  const [created] = await writeSignoffs(actor, { projectId: problem.projectId, modelVersionId: modelVersion.id }, [{ problemId, decision: input.decision, comment: input.comment }], () => "body");
  return created!;
}
