import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { roleHas } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { assertProjectExists } from "@/lib/projects/assert-project-exists";
import { toWebhookResource, webhookSelect, type WebhookResource } from "./webhook-resource";

/** "https://hooks.slack.com/…": the origin only, for readers who may not manage hooks (a Slack webhook URL's path is a credential). */
export function maskWebhookUrl(url: string): string {
  const { origin, pathname, search } = new URL(url);
  return pathname === "/" && !search ? origin : `${origin}/…`;
}

/** The project's webhooks, oldest first (at most MAX_WEBHOOKS_PER_PROJECT); full URLs only for a role that manages them. */
export async function listWebhookResources(projectId: string, actor: Pick<Actor, "user">): Promise<{ items: WebhookResource[]; nextCursor: null }> {
  await assertProjectExists(projectId);
  const rows = await prisma().webhook.findMany({ where: { projectId }, select: webhookSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const reveal = roleHas(actor.user.role, "webhooks.write");
  return { items: rows.map((row) => toWebhookResource(reveal ? row : { ...row, url: maskWebhookUrl(row.url) })), nextCursor: null };
}
