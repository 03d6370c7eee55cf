import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/prisma";

const LEASE_SECONDS = 15;
/** While every slot of the model is held elsewhere, free ones are looked for this often. */
const RETRY_MS = 25;

type Waiter = { resolve: (slot: number) => void; reject: (error: unknown) => void; signal?: AbortSignal; onAbort?: () => void };

/**
 * This process's share of one model version's concurrency: slots leased from
 * `replay_slots` (a PostgreSQL semaphore: `UPDATE … FOR UPDATE SKIP LOCKED` on
 * free or expired rows, leased for 15 s and renewed every 5 s, so a killed
 * process's slots come back). Every call to the model holds one slot, so calls
 * in flight never exceed the model's concurrency across every worker.
 *
 * Within the process a slot passes from a batch that has nothing left to call
 * straight to the next waiting batch (first come, first served) without a
 * database round trip; the database is asked only for slots this process does
 * not hold yet — at once when some are free, every 25 ms while none is — and a
 * slot nobody here waits for goes back at once.
 */
export type ModelSlotPool = {
  /** Waits for a slot of the model (concurrency: the model's current limit). Rejects with the signal's reason when it aborts first. */
  acquire(concurrency: number, signal?: AbortSignal): Promise<number>;
  /** Hands the slot to the next waiter of this process, or gives it back. */
  release(slot: number): void;
  /** Resolves once slots given back so far are free in the database (so a finished batch leaves none held). */
  settled(): Promise<void>;
};

const pools = new Map<string, ModelSlotPool>();

/** The process-wide slot pool of a model version. */
export function modelSlotPool(modelVersionId: string): ModelSlotPool {
  let pool = pools.get(modelVersionId);
  if (!pool) {
    pool = createModelSlotPool(modelVersionId);
    pools.set(modelVersionId, pool);
  }
  return pool;
}

function createModelSlotPool(modelVersionId: string): ModelSlotPool {
  const holder = randomUUID();
  /** Slots leased by this process (idle or in use). */
  const held = new Set<number>();
  const waiters: Waiter[] = [];
  let limit = 1;
  let rowsFor = 0;
  let taking = false;
  let retry: NodeJS.Timeout | undefined;
  let renew: NodeJS.Timeout | undefined;
  let toRelease: number[] = [];
  let releasing: Promise<void> = Promise.resolve();

  const db = () => prisma();

  const startRenewing = () => {
    if (renew || held.size === 0) return;
    renew = setInterval(() => {
      if (held.size === 0) {
        clearInterval(renew);
        renew = undefined;
        return;
      }
      // Only the slots held now: one whose give-back failed (database gone) must expire, not be renewed.
      void db()
        .$executeRaw`UPDATE replay_slots SET leased_until = now() + make_interval(secs => ${LEASE_SECONDS})
                      WHERE model_version_id = ${modelVersionId} AND slot = ANY(${[...held]}::int[]) AND holder = ${holder}`
        .catch(() => {});
    }, (LEASE_SECONDS * 1000) / 3);
    renew.unref();
  };

  const giveBack = (slot: number) => {
    held.delete(slot);
    toRelease.push(slot);
    if (toRelease.length > 1) return;
    // Slots given back in the same tick go in one statement.
    releasing = releasing.then(
      () =>
        new Promise<void>((resolve) =>
          setImmediate(() => {
            const slots = toRelease;
            toRelease = [];
            db()
              .$executeRaw`UPDATE replay_slots SET holder = NULL, leased_until = NULL WHERE model_version_id = ${modelVersionId} AND slot = ANY(${slots}::int[]) AND holder = ${holder}`
              .catch(() => {})
              .finally(resolve);
          }),
        ),
    );
  };

  const nextWaiter = (): Waiter | undefined => {
    for (let waiter = waiters.shift(); waiter; waiter = waiters.shift()) {
      if (waiter.signal?.aborted) {
        waiter.reject(waiter.signal.reason);
        continue;
      }
      if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
      return waiter;
    }
    return undefined;
  };

  const hand = (slot: number) => {
    const waiter = slot < limit ? nextWaiter() : undefined;
    if (waiter) waiter.resolve(slot);
    else giveBack(slot);
  };

  const pump = async () => {
    if (taking || waiters.length === 0) return;
    clearTimeout(retry);
    retry = undefined;
    const want = Math.min(waiters.length, limit - held.size);
    // Every slot is held here and in use: one comes back to a waiter when its batch is done with it.
    if (want <= 0) return;
    taking = true;
    let got = 0;
    try {
      if (rowsFor < limit) {
        await db().$executeRaw`
          INSERT INTO replay_slots (model_version_id, slot)
          SELECT ${modelVersionId}, g FROM generate_series(0, ${limit}::int - 1) g
          ON CONFLICT DO NOTHING`;
        rowsFor = limit;
      }
      // SKIP LOCKED hands each free row to one taker; a row freed by a commit after our snapshot is re-checked by FOR UPDATE.
      const taken = await db().$queryRaw<{ slot: number }[]>`
        UPDATE replay_slots s SET holder = ${holder}, leased_until = now() + make_interval(secs => ${LEASE_SECONDS})
         WHERE s.model_version_id = ${modelVersionId}
           AND s.slot IN (
             SELECT slot FROM replay_slots
              WHERE model_version_id = ${modelVersionId} AND slot < ${limit}
                AND (holder IS NULL OR leased_until < now())
              ORDER BY slot LIMIT ${want} FOR UPDATE SKIP LOCKED)
        RETURNING s.slot`;
      got = taken.length;
      for (const { slot } of taken) {
        held.add(slot);
        hand(slot);
      }
      startRenewing();
    } catch (error) {
      for (let waiter = waiters.shift(); waiter; waiter = waiters.shift()) {
        if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
        waiter.reject(error);
      }
    } finally {
      taking = false;
    }
    if (waiters.length === 0) return;
    // Some were free: ask again at once for the rest; none: every slot is busy, look again shortly.
    if (got > 0 && got >= want) void pump();
    else retry = setTimeout(() => void pump(), RETRY_MS);
  };

  return {
    acquire(concurrency, signal) {
      limit = Math.max(1, concurrency);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<number>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, signal };
        if (signal) {
          waiter.onAbort = () => {
            const index = waiters.indexOf(waiter);
            if (index >= 0) waiters.splice(index, 1);
            reject(signal.reason);
          };
          signal.addEventListener("abort", waiter.onAbort, { once: true });
        }
        waiters.push(waiter);
        void pump();
      });
    },
    release(slot) {
      if (!held.has(slot)) return;
      hand(slot);
    },
    async settled() {
      await releasing;
    },
  };
}
