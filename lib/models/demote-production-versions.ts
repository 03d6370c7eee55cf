import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * Retires every other production version of the same project + model name, so
 * one version is in production at a time. Serialised per model name with an
 * advisory lock: two promotions cannot both win.
 */
export async function demoteProductionVersions(tx: Prisma.TransactionClient, actor: Actor, model: { projectId: string; name: string; id?: string }) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`model-production:${model.projectId}:${model.name}`}))`;
  const previous = await tx.modelVersion.findMany({
    where: { projectId: model.projectId, name: model.name, status: "production", ...(model.id ? { id: { not: model.id } } : {}) },
    select: { id: true },
  });
  for (const { id } of previous) {
    await tx.modelVersion.update({ where: { id, projectId: model.projectId }, data: { status: "retired", lockVersion: { increment: 1 } } });
    await recordAuditEvent(
      actor,
      { action: "model.status_change", entityType: "model_version", entityId: id, projectId: model.projectId, data: { from: "production", to: "retired", reason: "another version went to production" } },
      tx,
    );
  }
}
