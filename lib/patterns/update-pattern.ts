import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { ConflictError, NotFoundError, ValidationError, type FieldError } from "@/lib/errors/domain-errors";
import { requestBackfill } from "@/lib/replay/request-backfill";
import { canonicalJson, hashJson } from "@/lib/scoring/canonical-json";
import type { Expectation } from "@/lib/scoring/expectation.schema";
import { checkExpectationFitsProject } from "./check-expectation-fits-project";
import { checkPatternInput } from "./check-pattern-input";
import { findDuplicateInputs } from "./find-duplicate-inputs";
import { diffPatternDetails } from "./pattern-detail-changes";
import { patternResourceSelect, toPatternResource } from "./pattern-resource";
import type { UpdatePattern } from "./update-pattern.schema";

const select = { ...patternResourceSelect, project: { select: { id: true, outputKind: true, labels: true, inputSchema: true } } } satisfies Prisma.PatternSelect;

/**
 * Edits a pattern from the lockVersion the editor started at (stale → 409 with
 * the current pattern and who changed it). A changed input, input kind or
 * expectation makes a new revision (number + 1, the old one kept, back-filled
 * on every callable model version); name, notes, purpose and origin do not: their
 * before → after goes into the audit event, where the pattern's History reads it.
 */
export async function updatePattern(actor: Actor, patternId: string, body: UpdatePattern) {
  return prisma().$transaction(async (tx) => {
    const pattern = await tx.pattern.findUnique({ where: { id: patternId }, select });
    if (!pattern) throw new NotFoundError("Pattern");
    if (pattern.lockVersion !== body.lockVersion) throw await staleEditError(tx, pattern.projectId, patternId);
    const current = toPatternResource(pattern);
    if (current.archivedAt) throw new ConflictError("This pattern is archived and can no longer be edited.", current);

    const inputKind = body.inputKind ?? current.inputKind;
    const input = body.input !== undefined ? body.input : current.input;
    const expectation: Expectation = body.expectation ?? current.expectation;
    const inputChanged = inputKind !== current.inputKind || hashJson(input) !== current.inputHash;
    const expectationChanged = canonicalJson(expectation) !== canonicalJson(current.expectation);
    const newRevision = inputChanged || expectationChanged;

    const errors: FieldError[] = [];
    let attachmentId = current.attachmentId;
    if (inputChanged) {
      const checked = await checkPatternInput(tx, pattern.project, inputKind, input);
      errors.push(...checked.errors);
      attachmentId = checked.attachmentId;
    }
    if (expectationChanged) errors.push(...checkExpectationFitsProject(pattern.project, expectation));
    if (errors.length) throw new ValidationError("The pattern does not fit this project.", errors);

    // The lockVersion condition makes concurrent edits serialise here: the second one matches no row.
    const { count } = await tx.pattern.updateMany({
      where: { id: patternId, projectId: pattern.projectId, lockVersion: body.lockVersion },
      data: {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.purpose !== undefined ? { purpose: body.purpose } : {}),
        ...(body.origin !== undefined ? { origin: body.origin } : {}),
        ...(body.notes !== undefined ? { notes: body.notes } : {}),
        lockVersion: { increment: 1 },
      },
    });
    if (count === 0) throw await staleEditError(tx, pattern.projectId, patternId);

    let revisionId = current.revisionId;
    if (newRevision) {
      const revision = await tx.patternRevision.create({
        data: {
          projectId: pattern.projectId,
          patternId,
          number: current.revision + 1,
          inputKind,
          input: input as Prisma.InputJsonValue,
          inputHash: hashJson(input),
          expectation: expectation as Prisma.InputJsonValue,
          attachmentId: inputKind === "image" ? attachmentId : null,
          createdById: actor.user.id,
        },
        select: { id: true },
      });
      revisionId = revision.id;
      await tx.pattern.update({ where: { id: patternId, projectId: pattern.projectId }, data: { currentRevisionId: revision.id } });
      await requestBackfill(tx, { projectId: pattern.projectId, patternRevisionIds: [revision.id], trigger: "patterns_changed", createdById: actor.user.id });
    }

    const changes = diffPatternDetails(current, { name: body.name, purpose: body.purpose, origin: body.origin, notes: body.notes });
    const changed = (["name", "purpose", "origin", "notes", "inputKind", "input", "expectation"] as const).filter((field) => body[field] !== undefined);
    await recordAuditEvent(
      actor,
      {
        action: "pattern.update",
        entityType: "pattern",
        entityId: patternId,
        projectId: pattern.projectId,
        data: { newRevision, revision: newRevision ? current.revision + 1 : current.revision, revisionId, fields: changed, changes },
      },
      tx,
    );

    const warnings = inputChanged
      ? await findDuplicateInputs(tx, { projectId: pattern.projectId, problemId: pattern.problemId, inputHash: hashJson(input), exceptPatternId: patternId })
      : [];
    const row = await tx.pattern.findUniqueOrThrow({ where: { id: patternId, projectId: pattern.projectId }, select: patternResourceSelect });
    return { ...toPatternResource(row), newRevision, warnings };
  });
}

/** 409 naming whoever changed the pattern last (from the audit trail), with the pattern as it is now. */
async function staleEditError(tx: Prisma.TransactionClient, projectId: string, patternId: string) {
  // One query at a time: a transaction is one connection.
  const row = await tx.pattern.findUniqueOrThrow({ where: { id: patternId, projectId }, select: patternResourceSelect });
  const lastChange = await tx.auditEvent.findFirst({
    where: { projectId, entityType: "pattern", entityId: patternId, action: { in: ["pattern.create", "pattern.update", "pattern.archive"] } },
    orderBy: { id: "desc" },
    select: { createdAt: true, actor: { select: { id: true, name: true, email: true } } },
  });
  const who = lastChange?.actor?.name ?? "someone else";
  return new ConflictError(`Changed by ${who} since you opened it`, {
    ...toPatternResource(row),
    changedBy: lastChange?.actor ?? null,
    changedAt: lastChange?.createdAt ?? row.updatedAt,
  });
}
