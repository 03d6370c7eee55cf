import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/prisma";

const LEASE_SECONDS = 15;
const WAIT_MIN_MS = 20;
const WAIT_MAX_MS = 250;

export type ModelSlotLease = {
  /** Slots held now: calls this batch may have in flight. */
  readonly held: number;
  /** Takes up to `more` further free slots without waiting; returns how many it got. */
  grow(more: number): Promise<number>;
  /** Gives one slot back (a call runner with nothing left to call), so other batches can use it. */
  releaseOne(): Promise<void>;
  /** Gives every slot back. */
  release(): Promise<void>;
};

/**
 * Leases between 1 and `want` of the model version's `concurrency` slots
 * (`replay_slots` rows), waiting until at least one is free. Each call to the
 * model happens while holding one slot, so calls in flight never exceed the
 * model's concurrency across every worker. Leases are renewed while held and
 * expire if the worker dies, so a killed worker's slots come back.
 */
export async function leaseModelSlots(
  modelVersionId: string,
  concurrency: number,
  want: number,
  options: { signal?: AbortSignal; onWait?: (ms: number) => void } = {},
): Promise<ModelSlotLease> {
  const db = prisma();
  const limit = Math.max(1, concurrency);
  const holder = randomUUID();
  const slots: number[] = [];

  const take = async (count: number): Promise<number> => {
    if (count <= 0) return 0;
    // SKIP LOCKED hands each free row to one taker; a row freed by a commit after our snapshot is re-checked by FOR UPDATE.
    const taken = await db.$queryRaw<{ slot: number }[]>`
      UPDATE replay_slots s SET holder = ${holder}, leased_until = now() + make_interval(secs => ${LEASE_SECONDS})
       WHERE s.model_version_id = ${modelVersionId}
         AND s.slot IN (
           SELECT slot FROM replay_slots
            WHERE model_version_id = ${modelVersionId} AND slot < ${limit}
              AND (holder IS NULL OR leased_until < now())
            ORDER BY slot LIMIT ${count} FOR UPDATE SKIP LOCKED)
      RETURNING s.slot`;
    for (const { slot } of taken) slots.push(slot);
    return taken.length;
  };

  await db.$executeRaw`
    INSERT INTO replay_slots (model_version_id, slot)
    SELECT ${modelVersionId}, g FROM generate_series(0, ${limit}::int - 1) g
    ON CONFLICT DO NOTHING`;
  const started = performance.now();
  for (let wait = WAIT_MIN_MS; (await take(Math.min(limit, Math.max(1, want)))) === 0; wait = Math.min(WAIT_MAX_MS, wait * 2)) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error("aborted");
    await new Promise((resolve) => setTimeout(resolve, wait / 2 + Math.random() * wait));
  }
  options.onWait?.(performance.now() - started);

  const renew = setInterval(() => {
    void db.$executeRaw`UPDATE replay_slots SET leased_until = now() + make_interval(secs => ${LEASE_SECONDS}) WHERE holder = ${holder}`.catch(() => {});
  }, (LEASE_SECONDS * 1000) / 3);
  renew.unref();

  return {
    get held() {
      return slots.length;
    },
    grow: (more) => take(Math.min(more, limit - slots.length)),
    async releaseOne() {
      const slot = slots.pop();
      if (slot === undefined) return;
      await db.$executeRaw`UPDATE replay_slots SET holder = NULL, leased_until = NULL WHERE model_version_id = ${modelVersionId} AND slot = ${slot} AND holder = ${holder}`;
    },
    async release() {
      clearInterval(renew);
      slots.length = 0;
      await db.$executeRaw`UPDATE replay_slots SET holder = NULL, leased_until = NULL WHERE holder = ${holder}`;
    },
  };
}
