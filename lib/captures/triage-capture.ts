import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { ValidationError } from "@/lib/errors/domain-errors";
import { createPattern } from "@/lib/patterns/create-pattern";
import type { CreatePatternInput } from "@/lib/patterns/create-pattern.schema";
import type { TriageCapture } from "./capture.schema";
import { claimInboxCapture } from "./claim-inbox-capture";
import { captureNotes } from "./capture-notes";
import { toCaptureResource } from "./capture-resource";

/**
 * Turns an inbox capture into a pattern of one of the project's problems, in
 * one transaction: the pattern (revision 1, validated, back-filled — the
 * patterns module's createPattern), the capture marked triaged and linked, and
 * the audit event.
 */
export async function triageCapture(actor: Actor, captureId: string, input: TriageCapture) {
  return prisma().$transaction(
    async (tx) => {
      const capture = await claimInboxCapture(tx, captureId, { status: "triaged", triagedById: actor.user.id });
      const problem = await tx.problem.findFirst({ where: { id: input.problemId, projectId: capture.projectId }, select: { id: true, key: true } });
      if (!problem) throw new ValidationError("The problem must belong to the capture's project.", [{ path: "body.problemId", message: "no such problem in this project" }]);

      const pattern = await createPattern(tx, actor, problem.id, {
        name: input.name,
        purpose: input.purpose,
        origin: input.origin,
        notes: captureNotes(input.notes, capture),
        inputKind: typeof capture.input === "string" ? "text" : "json",
        input: capture.input as CreatePatternInput["input"],
        expectation: input.expectation,
      });
      const triaged = await tx.capture.update({ where: { id: captureId }, data: { patternId: pattern.id } });
      await recordAuditEvent(
        actor,
        { action: "capture.triage", entityType: "capture", entityId: captureId, projectId: capture.projectId, data: { patternId: pattern.id, problemKey: problem.key } },
        tx,
      );
      return { capture: toCaptureResource(triaged), pattern };
    },
    { timeout: 20_000 },
  );
}
