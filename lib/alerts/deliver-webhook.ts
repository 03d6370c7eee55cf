import "server-only";
import { sendHttp } from "@/lib/connectors/shared/send-http";
import { openSecrets } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/prisma";
import { renderWebhookBody } from "./render-webhook-body";
import { signWebhookBody } from "./sign-webhook-body";

/** A receiver gets this long to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Only the status matters: at most this much of an answer is read. */
const MAX_ANSWER_BYTES = 4096;
const MAX_ERROR_CHARS = 500;

/** The attempt failed and should be retried by the queue (unless it was the last). */
export class WebhookAttemptFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookAttemptFailedError";
  }
}

/**
 * One attempt at a delivery: POST the rendered body, signed, through the
 * connectors' outbound client (RATCHET_MODEL_HOSTS, no redirects, bounded
 * answer, timeout). A 2xx marks it delivered; anything else counts the attempt,
 * keeps the error, and throws so the queue retries with backoff — after the
 * last attempt the delivery is `failed`. A delivery already settled is left alone.
 */
export async function deliverWebhook(deliveryId: string, { isLastAttempt, signal }: { isLastAttempt: boolean; signal: AbortSignal }): Promise<void> {
  const delivery = await prisma().webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true, projectId: true, event: true, payload: true, status: true, createdAt: true,
      webhook: { select: { url: true, format: true, secret: true } },
    },
  });
  if (!delivery || delivery.status !== "pending") return;
  const project = await prisma().project.findUniqueOrThrow({ where: { id: delivery.projectId }, select: { name: true } });
  const body = renderWebhookBody(delivery.webhook.format, {
    deliveryId: delivery.id,
    event: delivery.event,
    projectId: delivery.projectId,
    projectName: project.name,
    data: (delivery.payload ?? {}) as Record<string, unknown>,
    occurredAt: delivery.createdAt,
  });
  let secret: string;
  try {
    secret = openSecrets(delivery.webhook.secret).secret ?? "";
  } catch {
    // Sealed with another RATCHET_SECRET (a restore without it): no retry can sign it.
    await prisma().webhookDelivery.update({
      where: { id: delivery.id, projectId: delivery.projectId },
      data: { status: "failed", attempts: { increment: 1 }, lastAttemptAt: new Date(), lastError: "the hook's secret cannot be decrypted with this instance's RATCHET_SECRET: delete the hook and add it again" },
    });
    return;
  }

  let error: string | null = null;
  let responseStatus: number | null = null;
  try {
    const answer = await sendHttp(delivery.webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Ratchet-Webhooks/1",
        "x-ratchet-event": delivery.event,
        "x-ratchet-delivery": delivery.id,
        "x-ratchet-signature": signWebhookBody(body, secret),
      },
      body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
      maxResponseBytes: MAX_ANSWER_BYTES,
    });
    responseStatus = answer.status;
    if (answer.status < 200 || answer.status >= 300) error = `receiver answered HTTP ${answer.status}`;
  } catch (thrown) {
    // The answer is at most 4 KB, so an answer too large is still a receipt: judge by the status we never saw → error.
    error = describeError(thrown);
  }

  const now = new Date();
  await prisma().webhookDelivery.update({
    where: { id: delivery.id, projectId: delivery.projectId },
    data: {
      attempts: { increment: 1 },
      lastAttemptAt: now,
      responseStatus,
      ...(error === null
        ? { status: "delivered", deliveredAt: now, lastError: null }
        : { lastError: error.slice(0, MAX_ERROR_CHARS), ...(isLastAttempt ? { status: "failed" as const } : {}) }),
    },
  });
  if (error !== null && !isLastAttempt) throw new WebhookAttemptFailedError(error);
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`;
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
