import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { hashJson } from "@/lib/scoring/canonical-json";
import type { CreatePattern } from "./create-pattern.schema";

/**
 * Writes a checked pattern and its revision #1 and points currentRevisionId at
 * it. `createdAt` keeps a bulk import in file order (one transaction has one now()).
 * Callers have validated the fields against the project (createPattern,
 * importPatterns); this only writes.
 */
export async function insertPattern(
  tx: Prisma.TransactionClient,
  target: { projectId: string; problemId: string; createdById: string | null; attachmentId: string | null; createdAt?: Date },
  fields: CreatePattern,
) {
  const { projectId, problemId } = target;
  const pattern = await tx.pattern.create({
    data: { projectId, problemId, name: fields.name, purpose: fields.purpose, origin: fields.origin, notes: fields.notes, createdAt: target.createdAt },
    select: { id: true },
  });
  const revision = await tx.patternRevision.create({
    data: {
      projectId,
      patternId: pattern.id,
      number: 1,
      inputKind: fields.inputKind,
      input: fields.input as Prisma.InputJsonValue,
      inputHash: hashJson(fields.input),
      expectation: fields.expectation as Prisma.InputJsonValue,
      attachmentId: target.attachmentId,
      createdById: target.createdById,
      createdAt: target.createdAt,
    },
    select: { id: true, inputHash: true },
  });
  await tx.pattern.update({ where: { id: pattern.id, projectId }, data: { currentRevisionId: revision.id } });
  return { patternId: pattern.id, revisionId: revision.id, inputHash: revision.inputHash };
}
