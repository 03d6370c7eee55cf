import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { pageArgs, toPage, type PaginationQuery } from "@/lib/http/pagination";
import { webhookDeliverySelect, type WebhookDeliveryResource } from "./webhook-resource";

/** A webhook's delivery log, newest first. */
export async function listWebhookDeliveries(projectId: string, webhookId: string, page: PaginationQuery): Promise<{ items: WebhookDeliveryResource[]; nextCursor: string | null }> {
  const hook = await prisma().webhook.findFirst({ where: { id: webhookId, projectId }, select: { id: true } });
  if (!hook) throw new NotFoundError("Webhook");
  const rows = await prisma().webhookDelivery.findMany({
    where: { webhookId, projectId },
    select: webhookDeliverySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(page),
  });
  return toPage(rows, page.limit);
}

/** The project's latest deliveries over every hook (the settings page's log). */
export async function listProjectWebhookDeliveries(projectId: string, limit = 50): Promise<WebhookDeliveryResource[]> {
  return prisma().webhookDelivery.findMany({ where: { projectId }, select: webhookDeliverySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
}
