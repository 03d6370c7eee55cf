import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";

/** Removes a webhook and its delivery log; jobs still queued for it find nothing and end. */
export async function deleteWebhook(actor: Actor, projectId: string, webhookId: string): Promise<void> {
  await prisma().$transaction(async (tx) => {
    const { count } = await tx.webhook.deleteMany({ where: { id: webhookId, projectId } });
    if (count === 0) throw new NotFoundError("Webhook");
    await recordAuditEvent(actor, { action: "webhook.delete", entityType: "webhook", entityId: webhookId, projectId }, tx);
  });
}
