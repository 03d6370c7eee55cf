import "server-only";
import { z } from "zod";
import { assertTokenReachesProject } from "@/lib/api-tokens/token-project-access";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { idSchema } from "@/lib/http/id-params";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { refreshRunCounts } from "@/lib/replay/refresh-run-counts";

export const gradeOutputSchema = z
  .object({
    patternRevisionId: idSchema,
    outputHash: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 hex digest"),
    verdict: z.enum(["pass", "fail"]),
    comment: z.string().max(4000).optional(),
  })
  .strict();
export type GradeOutputInput = z.infer<typeof gradeOutputSchema>;

/**
 * A person's grade for one exact output of one revision (a `human`
 * expectation). It is remembered (a later replay giving the same output takes
 * it at write time) and applied now to every result with that output, and to
 * the counts of the runs that produced them. Grading again replaces the grade.
 */
export async function gradeOutput(actor: Actor, input: GradeOutputInput) {
  const revision = await prisma().patternRevision.findUnique({ where: { id: input.patternRevisionId }, select: { id: true, projectId: true, expectation: true } });
  if (!revision) throw new NotFoundError("Pattern revision");
  const { projectId } = revision;
  assertTokenReachesProject(actor, projectId);
  if ((revision.expectation as { kind?: unknown } | null)?.kind !== "human") {
    throw new ValidationError("Only outputs of `human` expectations are graded by people.", [{ path: "patternRevisionId", message: "expectation is not human" }]);
  }
  const example = await prisma().result.findFirst({
    where: { projectId, patternRevisionId: revision.id, outputHash: input.outputHash },
    select: { output: true },
  });
  if (!example) throw new NotFoundError("Output");

  return prisma().$transaction(async (tx) => {
    // Lock the affected run items first, then results, then runs: the order batch writers take.
    const runs = await tx.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT run_id AS id FROM (
        SELECT run_id FROM replay_run_items
         WHERE project_id = ${projectId} AND pattern_revision_id = ${revision.id} AND output_hash = ${input.outputHash}
         ORDER BY run_id FOR UPDATE
      ) locked`;
    const grade = await tx.humanGrade.upsert({
      where: { patternRevisionId_outputHash: { patternRevisionId: revision.id, outputHash: input.outputHash } },
      create: { patternRevisionId: revision.id, outputHash: input.outputHash, output: example.output ?? {}, verdict: input.verdict, comment: input.comment ?? "", gradedById: actor.user.id },
      update: { verdict: input.verdict, comment: input.comment ?? "", gradedById: actor.user.id },
    });
    const { count } = await tx.result.updateMany({
      where: { projectId, patternRevisionId: revision.id, outputHash: input.outputHash },
      data: { verdict: input.verdict },
    });
    await tx.replayRunItem.updateMany({
      where: { projectId, patternRevisionId: revision.id, outputHash: input.outputHash, finishedAt: { not: null } },
      data: { verdict: input.verdict },
    });
    for (const run of runs) await refreshRunCounts(tx, run.id);
    await recordAuditEvent(
      actor,
      { action: "grade.create", entityType: "human_grade", entityId: grade.id, projectId, data: { patternRevisionId: revision.id, outputHash: input.outputHash, verdict: input.verdict, results: count } },
      tx,
    );
    return { ...grade, resultsUpdated: count };
  });
}
