import type { Prisma } from "@/lib/db/generated/client";
import type { Expectation } from "@/lib/scoring/expectation.schema";

// The one shape a pattern takes in API responses and pages: the pattern's own
// fields plus its current revision's input and expectation, and `revision`.

export const patternResourceSelect = {
  id: true,
  projectId: true,
  problemId: true,
  name: true,
  purpose: true,
  origin: true,
  notes: true,
  archivedAt: true,
  lockVersion: true,
  createdAt: true,
  updatedAt: true,
  problem: { select: { key: true } },
  currentRevision: {
    select: { id: true, number: true, inputKind: true, input: true, inputHash: true, expectation: true, attachmentId: true, createdAt: true },
  },
} satisfies Prisma.PatternSelect;

type PatternRow = Prisma.PatternGetPayload<{ select: typeof patternResourceSelect }>;

export type PatternResource = ReturnType<typeof toPatternResource>;

export function toPatternResource(row: PatternRow) {
  const revision = row.currentRevision;
  if (!revision) throw new Error(`pattern ${row.id} has no current revision`);
  return {
    id: row.id,
    projectId: row.projectId,
    problemId: row.problemId,
    problemKey: row.problem.key,
    name: row.name,
    purpose: row.purpose,
    origin: row.origin,
    notes: row.notes,
    revision: revision.number,
    revisionId: revision.id,
    inputKind: revision.inputKind,
    input: revision.input as Prisma.JsonValue,
    inputHash: revision.inputHash,
    // Validated by expectationSchema on every write.
    expectation: revision.expectation as Expectation,
    attachmentId: revision.attachmentId,
    archivedAt: row.archivedAt,
    lockVersion: row.lockVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    revisedAt: revision.createdAt,
  };
}
