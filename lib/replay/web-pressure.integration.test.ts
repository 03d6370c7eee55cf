import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { requestEnded, requestStarted } from "@/lib/http/web-load.mjs";
import { startWorker, type Worker } from "@/lib/jobs/start-worker";
import { replayWorkload } from "./replay-workload";
import { WEB_PRESSURE_CHANNEL, WEB_PRESSURE_WINDOW_MS, signalWebPressure, webUnderPressure, writeYieldingToWeb } from "./web-pressure";

// Both sides of "replays yield to people" over a real PostgreSQL: a web process
// that has been busy NOTIFYs, a worker LISTENing starts spacing its writes, and
// stops five seconds after the last notice.

let listener: Client;
const notices: string[] = [];
let worker: Worker;

beforeAll(async () => {
  listener = new Client({ connectionString: inject("databaseUrl") });
  await listener.connect();
  listener.on("notification", (message) => {
    if (message.channel === WEB_PRESSURE_CHANNEL) notices.push(message.payload ?? "");
  });
  await listener.query(`LISTEN ${WEB_PRESSURE_CHANNEL}`);
  worker = await startWorker({ ...replayWorkload(), concurrency: 1, pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, log: () => {} });
});
afterAll(async () => {
  await worker?.stop({ timeoutMs: 5_000 });
  await listener?.end();
});

async function until(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error("timed out");
    await sleep(20);
  }
}

describe("replays yield to a busy web", () => {
  it("a web process NOTIFYs once it has had a request in flight most of a second, and not when it is quiet", async () => {
    signalWebPressure(); // the first reading starts the clock
    requestStarted();
    await sleep(1_100);
    signalWebPressure();
    await until(() => notices.length === 1);
    expect(Number(notices[0])).toBeGreaterThanOrEqual(0.9);
    await until(() => webUnderPressure()); // the worker LISTENing heard it
    requestEnded();
    signalWebPressure(); // within the same second: not read again
    await sleep(1_100);
    signalWebPressure(); // a second with nothing in flight
    await sleep(300);
    expect(notices).toHaveLength(1);
  });

  it("a worker that hears it writes one write at a time, pausing RATCHET_REPLAY_YIELD × each write's time, until the window passes", async () => {
    await until(() => !webUnderPressure()); // the notice of the test before reached this worker too
    const twoWrites = async () => {
      const started = performance.now();
      const write = () => sleep(60).then(() => performance.now() - started);
      return Promise.all([writeYieldingToWeb(write), writeYieldingToWeb(write)]);
    };
    let [first, second] = await twoWrites();
    expect(Math.max(first, second)).toBeLessThan(120); // side by side, no pause

    await prisma().$executeRaw`SELECT pg_notify(${WEB_PRESSURE_CHANNEL}, '0.75')`;
    await until(() => webUnderPressure());
    [first, second] = await twoWrites();
    expect(first).toBeLessThan(120);
    const ratio = env().RATCHET_REPLAY_YIELD;
    expect(ratio).toBe(7);
    expect(second).toBeGreaterThanOrEqual(60 + ratio * 60 + 60 - 5); // after the first, its pause, then its own time
    // A write that fails frees the turn for the next.
    await expect(writeYieldingToWeb(() => Promise.reject(new Error("deadlock")))).rejects.toThrow("deadlock");
    expect(await writeYieldingToWeb(async () => "written")).toBe("written");

    await sleep(WEB_PRESSURE_WINDOW_MS + 100);
    expect(webUnderPressure()).toBe(false);
  });
});
