import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import { listErrorRates } from "@/lib/results/list-error-rates";

export type TightenedTarget = { problemId: string; key: string; from: number; to: number };

/**
 * The ratchet: when a model version goes to production, every problem of the
 * project with `ratchet` on gets target := min(target, that version's error
 * rate on it), so the gate holds later versions to the level already reached.
 * Runs in the promotion's transaction; each tightening is a `problem.ratchet`
 * history entry naming the version that caused it. A problem the version has
 * no pass/fail result on keeps its target.
 */
export async function tightenRatchetTargets(
  tx: Prisma.TransactionClient,
  actor: Actor | null,
  modelVersion: { id: string; projectId: string; name: string; version: string },
): Promise<TightenedTarget[]> {
  const { projectId } = modelVersion;
  const problems = await tx.problem.findMany({ where: { projectId, ratchet: true }, select: { id: true, key: true, target: true }, orderBy: { number: "asc" } });
  if (!problems.length) return [];
  const rates = await listErrorRates(projectId, { problemIds: problems.map((p) => p.id), modelVersionIds: [modelVersion.id] }, tx);
  const rateOf = new Map(rates.map((r) => [r.problemId, r.errorRate]));

  const tightened: TightenedTarget[] = [];
  for (const problem of problems) {
    const rate = rateOf.get(problem.id);
    if (rate === null || rate === undefined || rate >= problem.target) continue;
    await tx.problem.update({ where: { id: problem.id, projectId }, data: { target: rate, lockVersion: { increment: 1 } } });
    await recordAuditEvent(
      actor,
      {
        action: "problem.ratchet",
        entityType: "problem",
        entityId: problem.id,
        projectId,
        data: {
          key: problem.key,
          changes: { target: { from: problem.target, to: rate } },
          modelVersion: { id: modelVersion.id, name: modelVersion.name, version: modelVersion.version },
        },
      },
      tx,
    );
    tightened.push({ problemId: problem.id, key: problem.key, from: problem.target, to: rate });
  }
  return tightened;
}
