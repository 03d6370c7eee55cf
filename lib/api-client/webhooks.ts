import type { z } from "zod";
import type { createWebhook as createWebhookRow } from "@/lib/alerts/create-webhook";
import type { createWebhookSchema } from "@/lib/alerts/webhook.schema";
import type { WebhookDeliveryResource, WebhookResource } from "@/lib/alerts/webhook-resource";
import { apiFetch, type Jsonified } from "./api-fetch";

export type CreateWebhookBody = z.input<typeof createWebhookSchema>;
export type WebhookDeliveryPage = { items: Jsonified<WebhookDeliveryResource>[]; nextCursor: string | null };

/** The new hook with its signing `secret`, returned this once. */
export function createWebhook(projectId: string, body: CreateWebhookBody): Promise<Jsonified<Awaited<ReturnType<typeof createWebhookRow>>>> {
  return apiFetch(`/api/v1/projects/${projectId}/webhooks`, { method: "POST", body });
}

export function listWebhooks(projectId: string): Promise<{ items: Jsonified<WebhookResource>[]; nextCursor: null }> {
  return apiFetch(`/api/v1/projects/${projectId}/webhooks`);
}

export function deleteWebhook(projectId: string, webhookId: string): Promise<void> {
  return apiFetch(`/api/v1/projects/${projectId}/webhooks/${webhookId}`, { method: "DELETE" });
}

/** Queues a `webhook.test` delivery to this hook: the pending delivery. */
export function sendTestWebhook(projectId: string, webhookId: string): Promise<Jsonified<WebhookDeliveryResource>> {
  return apiFetch(`/api/v1/projects/${projectId}/webhooks/${webhookId}/test`, { method: "POST" });
}

export function listWebhookDeliveries(projectId: string, webhookId: string, page: { limit?: number } = {}): Promise<WebhookDeliveryPage> {
  return apiFetch(`/api/v1/projects/${projectId}/webhooks/${webhookId}/deliveries${page.limit ? `?limit=${page.limit}` : ""}`);
}
