import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import type { Expectation } from "@/lib/scoring/expectation.schema";

/**
 * One result of this project with what a reader needs to judge it: the pattern
 * revision's input and expectation, the output, the verdict, the model version.
 * null when the id is unknown or belongs to another project.
 */
export async function findProjectResult(projectId: string, resultId: string) {
  const row = await prisma().result.findFirst({
    where: { id: resultId, projectId },
    select: {
      id: true,
      output: true,
      verdict: true,
      errorReason: true,
      latencyMs: true,
      updatedAt: true,
      replayRunId: true,
      modelVersion: { select: { id: true, name: true, version: true } },
      problem: { select: { key: true, title: true } },
      pattern: { select: { id: true, name: true, purpose: true, archivedAt: true, currentRevisionId: true } },
      patternRevision: { select: { id: true, number: true, inputKind: true, input: true, expectation: true, attachmentId: true } },
    },
  });
  if (!row) return null;
  return {
    ...row,
    output: row.output as Prisma.JsonValue | null,
    // Validated by expectationSchema on every write.
    expectation: row.patternRevision.expectation as Expectation,
    /** Counts towards today's error rate: the pattern's current revision, not archived. */
    current: row.pattern.currentRevisionId === row.patternRevision.id && row.pattern.archivedAt === null,
  };
}

export type ProjectResult = NonNullable<Awaited<ReturnType<typeof findProjectResult>>>;
