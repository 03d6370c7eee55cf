import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { assertOwnerIsUser } from "./assert-owner-is-user";
import type { CreateProblem, ProblemResource } from "./problem.schema";
import { problemResourceSelect, toProblemResource } from "./problem-resource";

/**
 * Logs a problem under the project's next key. The number comes from one
 * UPDATE … RETURNING on the project row: its row lock serialises concurrent
 * creates, so keys are gap-free in commit order and never repeat.
 */
export async function createProblem(actor: Actor, projectId: string, input: CreateProblem): Promise<ProblemResource> {
  return prisma().$transaction(async (tx) => {
    const [allocated] = await tx.$queryRaw<{ number: number; key_prefix: string }[]>`
      UPDATE projects SET next_problem_number = next_problem_number + 1
      WHERE id = ${projectId}
      RETURNING next_problem_number - 1 AS number, key_prefix`;
    if (!allocated) throw new NotFoundError("Project");
    await assertOwnerIsUser(tx, input.ownerId);
    const key = `${allocated.key_prefix}-${allocated.number}`;
    const problem = await tx.problem.create({
      data: { projectId, number: allocated.number, key, ...input },
      select: problemResourceSelect,
    });
    await recordAuditEvent(
      actor,
      {
        action: "problem.create",
        entityType: "problem",
        entityId: problem.id,
        projectId,
        data: { key, changes: { status: { from: null, to: problem.status }, target: { from: null, to: problem.target } } },
      },
      tx,
    );
    return toProblemResource(problem);
  });
}
