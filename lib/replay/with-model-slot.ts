import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/prisma";

const LEASE_SECONDS = 15;

/**
 * Runs `fn` while holding one of the model version's `concurrency` slots, so
 * calls to one model stay within its limit across every worker. The queue's
 * group limit already keeps about that many batches active; this makes it
 * exact (two workers fetching at the same instant can both pass the group
 * check). Leases are renewed while `fn` runs and expire if the worker dies.
 */
export async function withModelSlot<T>(modelVersionId: string, concurrency: number, fn: () => Promise<T>): Promise<T> {
  const holder = randomUUID();
  const db = prisma();
  await db.$executeRaw`
    INSERT INTO replay_slots (model_version_id, slot)
    SELECT ${modelVersionId}, g FROM generate_series(0, ${Math.max(1, concurrency)}::int - 1) g
    ON CONFLICT DO NOTHING`;
  for (let wait = 20; ; wait = Math.min(500, wait * 2)) {
    const taken = await db.$queryRaw<{ slot: number }[]>`
      UPDATE replay_slots s SET holder = ${holder}, leased_until = now() + make_interval(secs => ${LEASE_SECONDS})
       WHERE (s.model_version_id, s.slot) = (
         SELECT model_version_id, slot FROM replay_slots
          WHERE model_version_id = ${modelVersionId} AND slot < ${Math.max(1, concurrency)}
            AND (holder IS NULL OR leased_until < now())
          ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING s.slot`;
    if (taken.length) break;
    await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
  }
  const renew = setInterval(() => {
    void db.$executeRaw`UPDATE replay_slots SET leased_until = now() + make_interval(secs => ${LEASE_SECONDS}) WHERE holder = ${holder}`.catch(() => {});
  }, (LEASE_SECONDS * 1000) / 3);
  try {
    return await fn();
  } finally {
    clearInterval(renew);
    await db.$executeRaw`UPDATE replay_slots SET holder = NULL, leased_until = NULL WHERE holder = ${holder}`;
  }
}
