import type { WebhookFormat } from "@/lib/db/generated/enums";
import { PROJECT_EVENT_LABELS, TEST_EVENT, type ProjectEventName } from "./project-events";

export type WebhookMessage = {
  deliveryId: string;
  event: string;
  projectId: string;
  projectName: string;
  /** The event's payload; a string `summary` in it becomes the message's line. */
  data: Record<string, unknown>;
  occurredAt: Date;
};

/** Markdown specials Slack would interpret in names we did not write. */
function escapeSlack(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function describeWebhookEvent(event: string): string {
  if (event === TEST_EVENT) return "Test delivery";
  return PROJECT_EVENT_LABELS[event as ProjectEventName] ?? event;
}

/**
 * The body POSTed to a hook: generic JSON `{ id, event, occurredAt, project, data }`,
 * or Slack's incoming-webhook shape `{ text, blocks }` (text is the fallback for notifications).
 */
export function renderWebhookBody(format: WebhookFormat, message: WebhookMessage): string {
  if (format === "json") {
    return JSON.stringify({
      id: message.deliveryId,
      event: message.event,
      occurredAt: message.occurredAt.toISOString(),
      project: { id: message.projectId, name: message.projectName },
      data: message.data,
    });
  }
  const summary = typeof message.data.summary === "string" ? message.data.summary : "";
  const title = `${describeWebhookEvent(message.event)} · ${message.projectName}`;
  const text = summary ? `${title}: ${summary}` : title;
  return JSON.stringify({
    text: escapeSlack(text),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${escapeSlack(title)}*${summary ? `\n${escapeSlack(summary)}` : ""}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: `\`${message.event}\` · ${message.occurredAt.toISOString()}` }] },
    ],
  });
}
