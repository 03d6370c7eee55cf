import "server-only";
import { prisma } from "@/lib/db/prisma";
import { assertProjectExists } from "@/lib/projects/assert-project-exists";
import { toWebhookResource, webhookSelect, type WebhookResource } from "./webhook-resource";

/** The project's webhooks, oldest first (at most MAX_WEBHOOKS_PER_PROJECT). */
export async function listWebhookResources(projectId: string): Promise<{ items: WebhookResource[]; nextCursor: null }> {
  await assertProjectExists(projectId);
  const rows = await prisma().webhook.findMany({ where: { projectId }, select: webhookSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { items: rows.map(toWebhookResource), nextCursor: null };
}
