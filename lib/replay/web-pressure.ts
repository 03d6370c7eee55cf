import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { prisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { readWebLoad } from "@/lib/http/web-load.mjs";
import { logger } from "@/lib/log/logger.mjs";

// Replays yield to people. A replay takes whatever the machine has (it should:
// the model's capacity is what it is waiting on), and the PostgreSQL backends
// writing its results run at the same priority as the pages' queries, even
// with the worker at nice 10. So while a web process is busy it says so on a
// NOTIFY channel (at most once a second), and for the next five seconds every
// worker writes replay results one write at a time, pausing after each
// RATCHET_REPLAY_YIELD (default 7) times as long as it took: an eighth of one
// database connection's time while people wait for pages, full pace five
// seconds after they stop (long enough that a lull between clicks does not let
// a replay take the machine back). Writing is what costs the database (a
// result is ~0.16 ms of PostgreSQL, a model call with a fast model much less),
// so that is what yields; calls go on and their outcomes wait in memory.
// Busy means on average a quarter of a request or more in flight over the last
// second (time spent waiting for the database counts; 50 people clicking every
// 1–5 s give about 0.3 per process): someone watching a replay's progress (an
// API read a second, ~0.02), or a CI job polling the gate, is far below that.

export const WEB_PRESSURE_CHANNEL = "ratchet_web_busy";
/** Average requests in flight in one web process (over ≥ 1 s) from which it asks replays to yield. */
export const WEB_BUSY_LOAD = 0.25;
/** How long replays yield after a web process said it was busy. */
export const WEB_PRESSURE_WINDOW_MS = 5_000;
/** The longest pause after one write. */
const MAX_PAUSE_MS = 1_000;

let notifying = false;

/**
 * Web side, called on every authenticated request (resolveActor): at most
 * once a second, when this process has been busy, NOTIFYs the workers. Never
 * waits and never fails the request.
 */
export function signalWebPressure(): void {
  if (notifying) return;
  const load = readWebLoad(1_000);
  if (load === null || load < WEB_BUSY_LOAD) return;
  notifying = true;
  prisma()
    .$executeRaw`SELECT pg_notify(${WEB_PRESSURE_CHANNEL}, ${load.toFixed(2)})`
    .catch(() => {})
    .finally(() => (notifying = false));
}

let yieldUntil = 0;

/** Worker side: a web process said it is busy (or the listener reconnected): replays yield for the next window. */
export function noticeWebPressure(): void {
  // Once per stretch of yielding: an operator reading the log sees why replays slowed down.
  if (!webUnderPressure()) logger().info({ process: "worker" }, "the web is busy: replays yield (RATCHET_REPLAY_YIELD)");
  yieldUntil = performance.now() + WEB_PRESSURE_WINDOW_MS;
}

/** Whether replays are yielding to the web now. */
export function webUnderPressure(): boolean {
  return performance.now() < yieldUntil && env().RATCHET_REPLAY_YIELD > 0;
}

let gate: Promise<unknown> = Promise.resolve();

/**
 * Runs one write of a replay's results. While the web is busy, this
 * process's replay writes go one at a time, each followed by a pause of
 * RATCHET_REPLAY_YIELD × its duration (at most 1 s), so the database spends at
 * most 1 / (1 + RATCHET_REPLAY_YIELD) of one connection's time on them (an
 * eighth at the default); otherwise it runs at once.
 */
export function writeYieldingToWeb<T>(write: () => Promise<T>): Promise<T> {
  if (!webUnderPressure()) return write();
  const turn = gate.then(async () => {
    const started = performance.now();
    try {
      return await write();
    } finally {
      await sleep(Math.min((performance.now() - started) * env().RATCHET_REPLAY_YIELD, MAX_PAUSE_MS));
    }
  });
  gate = turn.catch(() => {});
  return turn;
}
