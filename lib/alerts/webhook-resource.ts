import type { WebhookDeliveryStatus, WebhookFormat } from "@/lib/db/generated/enums";

export type WebhookResource = {
  id: string;
  projectId: string;
  url: string;
  format: WebhookFormat;
  events: string[];
  createdAt: Date;
};

export type WebhookDeliveryResource = {
  id: string;
  webhookId: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
};

/** The API's webhook: never its secret. */
export function toWebhookResource(row: WebhookResource): WebhookResource {
  return { id: row.id, projectId: row.projectId, url: row.url, format: row.format, events: row.events, createdAt: row.createdAt };
}

export const webhookSelect = { id: true, projectId: true, url: true, format: true, events: true, createdAt: true } as const;

export const webhookDeliverySelect = {
  id: true, webhookId: true, event: true, status: true, attempts: true, lastError: true, responseStatus: true, createdAt: true, lastAttemptAt: true, deliveredAt: true,
} as const;
