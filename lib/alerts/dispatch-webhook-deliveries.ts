import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import type { JobQueue } from "@/lib/jobs/open-job-queue";
import { sendJobs } from "@/lib/jobs/send-jobs";
import type { webhookDeliveryPayloadSchema } from "./webhook-delivery-job";

/**
 * Turns undispatched deliveries into queue jobs, marking them dispatched in
 * the same transaction (SKIP LOCKED: many workers may sweep at once). So
 * emitProjectEvent needs no queue connection, and a committed delivery always
 * gets its job.
 */
export async function dispatchWebhookDeliveries(queue: JobQueue, job: JobDefinition<typeof webhookDeliveryPayloadSchema>, limit = 100): Promise<number> {
  await queue.ensureQueue(job);
  return prisma().$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM webhook_deliveries
         WHERE dispatched_at IS NULL
         ORDER BY created_at
         LIMIT ${limit}
         FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      const jobs: { payload: z.input<typeof webhookDeliveryPayloadSchema> }[] = rows.map((row) => ({ payload: { deliveryId: row.id } }));
      await sendJobs(queue, job, jobs, { tx });
      await tx.webhookDelivery.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { dispatchedAt: new Date() } });
      return rows.length;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
