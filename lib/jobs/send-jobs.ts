import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import type { JobDefinition } from "./job-definition";
import type { JobQueue } from "./open-job-queue";

/** Jobs sharing a limit group run at most `limit` at a time across every worker. */
export type JobLimitGroup = { key: string; limit: number };

export type SendJobOptions = {
  limitGroup?: JobLimitGroup;
  /** Longest run of this job before it is treated as failed (its worker died or hung). */
  expireInSeconds?: number;
};

export type JobToSend<S extends z.ZodType> = { payload: z.input<S>; options?: SendJobOptions };

/** Largest limit a group may carry; larger limits are clamped. */
export const MAX_GROUP_LIMIT = 128;

/**
 * Enqueues jobs. With `tx`, the jobs are written inside that Prisma transaction:
 * they exist exactly when the caller's rows commit, so nothing waits for jobs
 * that were never sent, and no job points at rows that were rolled back.
 * The queue must already be ensured (its cache warm), so nothing inside the
 * transaction waits on another connection (the embedded database serialises them).
 */
export async function sendJobs<S extends z.ZodType>(
  queue: JobQueue,
  definition: JobDefinition<S>,
  jobs: readonly JobToSend<S>[],
  { tx }: { tx?: Prisma.TransactionClient } = {},
): Promise<void> {
  if (jobs.length === 0) return;
  const rows = jobs.map(({ payload, options }) => ({
    data: definition.payloadSchema.parse(payload) as object,
    ...(options?.expireInSeconds ? { expireInSeconds: Math.ceil(options.expireInSeconds) } : {}),
    ...(options?.limitGroup
      ? { group: { id: options.limitGroup.key, tier: String(Math.max(1, Math.min(MAX_GROUP_LIMIT, Math.floor(options.limitGroup.limit)))) } }
      : {}),
  }));
  const db = tx
    ? {
        async executeSql(text: string, values: unknown[] = []) {
          return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) };
        },
      }
    : undefined;
  await queue.boss.insert(definition.name, rows, db ? { db } : {});
}
