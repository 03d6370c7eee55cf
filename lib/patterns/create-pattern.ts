import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import { ValidationError } from "@/lib/errors/domain-errors";
import { zodFields } from "@/lib/errors/zod-fields";
import { requestBackfill } from "@/lib/replay/request-backfill";
import { checkExpectationFitsProject } from "./check-expectation-fits-project";
import { checkPatternInput } from "./check-pattern-input";
import { createPatternSchema, type CreatePatternInput } from "./create-pattern.schema";
import { findDuplicateInputs } from "./find-duplicate-inputs";
import { insertPattern } from "./insert-pattern";
import { loadProblemForPatterns } from "./load-problem-for-patterns";
import { patternResourceSelect, toPatternResource } from "./pattern-resource";

/**
 * Adds a pattern to a problem: revision #1 with the input's hash, checked
 * against the project (input schema, attachment, expectation fit), an audit
 * event and a back-fill replay on every callable model version — all in the
 * caller's transaction (capture triage runs it inside its own). A duplicate
 * input within the problem is a warning in the result, not a refusal.
 */
export async function createPattern(tx: Prisma.TransactionClient, actor: Actor, problemId: string, input: CreatePatternInput) {
  const parsed = createPatternSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("The pattern is invalid.", zodFields(parsed.error, "body"));
  const fields = parsed.data;

  const problem = await loadProblemForPatterns(tx, problemId);
  const checkedInput = await checkPatternInput(tx, problem.project, fields.inputKind, fields.input);
  const errors = [...checkedInput.errors, ...checkExpectationFitsProject(problem.project, fields.expectation)];
  if (errors.length) throw new ValidationError("The pattern does not fit this project.", errors);

  const created = await insertPattern(
    tx,
    { projectId: problem.projectId, problemId, createdById: actor.user.id, attachmentId: checkedInput.attachmentId },
    fields,
  );
  const warnings = await findDuplicateInputs(tx, { projectId: problem.projectId, problemId, inputHash: created.inputHash, exceptPatternId: created.patternId });
  await recordAuditEvent(
    actor,
    { action: "pattern.create", entityType: "pattern", entityId: created.patternId, projectId: problem.projectId, data: { problemKey: problem.key, name: fields.name, revision: 1 } },
    tx,
  );
  await requestBackfill(tx, { projectId: problem.projectId, patternRevisionIds: [created.revisionId], trigger: "patterns_changed", createdById: actor.user.id });

  const row = await tx.pattern.findUniqueOrThrow({ where: { id: created.patternId, projectId: problem.projectId }, select: patternResourceSelect });
  return { ...toPatternResource(row), warnings };
}
