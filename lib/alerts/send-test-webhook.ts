import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { TEST_EVENT } from "./project-events";
import { webhookDeliverySelect, type WebhookDeliveryResource } from "./webhook-resource";

/** "Send test": one delivery of event `webhook.test` to this hook only, sent by the queue like any other (202; follow it in the log). */
export async function sendTestWebhook(actor: Actor, projectId: string, webhookId: string): Promise<WebhookDeliveryResource> {
  return prisma().$transaction(async (tx) => {
    const hook = await tx.webhook.findFirst({ where: { id: webhookId, projectId }, select: { id: true } });
    if (!hook) throw new NotFoundError("Webhook");
    const delivery = await tx.webhookDelivery.create({
      data: { projectId, webhookId, event: TEST_EVENT, payload: { summary: `Test delivery sent by ${actor.user.name || actor.user.email}.`, test: true } },
      select: webhookDeliverySelect,
    });
    await recordAuditEvent(actor, { action: "webhook.test", entityType: "webhook", entityId: webhookId, projectId, data: { deliveryId: delivery.id } }, tx);
    return delivery;
  });
}
