import "server-only";
import { z } from "zod";
import { defineJob, type JobDefinition } from "@/lib/jobs/job-definition";
import { deliverWebhook } from "./deliver-webhook";

export const webhookDeliveryPayloadSchema = z.object({ deliveryId: z.string().min(1) });

export type WebhookRetrySettings = {
  /** Attempts after the first. */
  retryLimit?: number;
  /** Delay before the first retry, doubled on each later one (the queue's backoff). */
  retryDelaySeconds?: number;
};

/** Default: 6 attempts over about 5 minutes (10 s, 20 s, 40 s, 80 s, 160 s). */
export const DEFAULT_WEBHOOK_RETRIES = { retryLimit: 5, retryDelaySeconds: 10 } as const;

/** One webhook delivery; the queue retries it with exponential backoff until the receiver answers 2xx. */
export function webhookDeliveryJob(retries: WebhookRetrySettings = {}): JobDefinition<typeof webhookDeliveryPayloadSchema> {
  return defineJob({
    name: "webhook-delivery",
    payloadSchema: webhookDeliveryPayloadSchema,
    handler: async ({ deliveryId }, context) => deliverWebhook(deliveryId, { isLastAttempt: context.isLastAttempt, signal: context.signal }),
    queue: { ...DEFAULT_WEBHOOK_RETRIES, ...retries, heartbeatSeconds: 30, expireInSeconds: 60 },
    // Two pollers, each taking the worker's --fetch deliveries at once, keep bursts moving without polling for them all the time.
    maxConcurrency: 2,
  });
}
