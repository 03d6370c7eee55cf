import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import type { ProblemHistoryEntry } from "./problem.schema";

type Changes = ProblemHistoryEntry["changes"];

/**
 * Who changed what on a problem and when, newest first, from the audit trail
 * (problem.create / problem.update / problem.ratchet events carry `changes: { field: { from, to } }`;
 * a ratchet also names the model version whose promotion tightened the target).
 */
export async function listProblemHistory(problemId: string, page: { cursor?: string; limit: number }) {
  const problem = await prisma().problem.findUnique({ where: { id: problemId }, select: { id: true } });
  if (!problem) throw new NotFoundError("Problem");
  let before: bigint | undefined;
  if (page.cursor) {
    if (!/^\d{1,19}$/.test(page.cursor)) throw new ValidationError("Invalid cursor.", [{ path: "query.cursor", message: "not a cursor from this list" }], 400);
    before = BigInt(page.cursor);
  }
  const rows = await prisma().auditEvent.findMany({
    where: { entityType: "problem", entityId: problemId, action: { in: ["problem.create", "problem.update", "problem.ratchet"] }, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: page.limit + 1,
    select: { id: true, action: true, createdAt: true, data: true, actor: { select: { id: true, name: true } } },
  });
  const items: ProblemHistoryEntry[] = rows.slice(0, page.limit).map((row) => {
    const data = row.data as { changes?: Changes; modelVersion?: ProblemHistoryEntry["modelVersion"] } | null;
    return {
      id: row.id.toString(),
      action: row.action as ProblemHistoryEntry["action"],
      createdAt: row.createdAt.toISOString(),
      actor: row.actor,
      changes: (data?.changes ?? {}) as Changes,
      modelVersion: data?.modelVersion ?? null,
    };
  });
  return { items, nextCursor: rows.length > page.limit ? (items[items.length - 1]?.id ?? null) : null };
}
