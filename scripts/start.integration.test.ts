import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIfNeeded } from "./build-if-needed";
import {
  groupAlive,
  isListening,
  killGroups,
  spawnRatchet,
  waitFor,
  waitUntilReady as waitUntilReadyOn,
  withDatabase as withDatabaseOn,
  type RatchetInstance,
} from "./testing/ratchet-instance";

// Issue 16: the real `npm start` on the embedded database, in its own process
// group, stopped the ways operators stop it. Loopback only; every process it
// starts is killed in afterAll. The app is built once, before the first start
// (a no-op when .next is up to date).

const WEB_PORT = Number(process.env.RATCHET_STOP_TEST_PORT ?? 3242);
const DB_PORT = WEB_PORT + 1;
const OTHER_WEB_PORT = WEB_PORT + 2;
const OTHER_DB_PORT = WEB_PORT + 3;
const STOP_LIMIT_MS = 15_000;

type Instance = RatchetInstance;
const started: Instance[] = [];
const dataDirs: string[] = [];

function newDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ratchet-stop-test-"));
  dataDirs.push(dir);
  return dir;
}

/** `npm start` in a new process group (detached), embedded database in `dataDir`. */
function startRatchet(dataDir: string, ports = { web: WEB_PORT, db: DB_PORT }, env: Record<string, string> = {}): Instance {
  const instance = spawnRatchet({ dataDir, webPort: ports.web, dbPort: ports.db, env });
  started.push(instance);
  return instance;
}

const waitUntilReady = (instance: Instance) => waitUntilReadyOn(instance, WEB_PORT);

const withDatabase = <T>(dataDir: string, run: (client: pg.Client) => Promise<T>, port = DB_PORT): Promise<T> => withDatabaseOn(dataDir, port, run);

const countResults = (dataDir: string) => withDatabase(dataDir, async (c) => Number((await c.query<{ n: string }>("SELECT count(*) AS n FROM results")).rows[0]!.n));

/** Sends `signal` (to the group or the npm process alone) and checks the whole stop: exit 0 in time, nothing left, ports and lock free. */
async function stopAndCheck(instance: Instance, dataDir: string, target: "group" | "parent") {
  const pid = instance.child.pid!;
  const sentAt = performance.now();
  process.kill(target === "group" ? -pid : pid, "SIGTERM");
  const exit = await instance.exited;
  const tookMs = exit.atMs - sentAt;
  expect({ code: exit.code, signal: exit.signal }, instance.output().slice(-3000)).toEqual({ code: 0, signal: null });
  expect(tookMs).toBeLessThan(STOP_LIMIT_MS);
  // Every process of the group is gone (npm, tsx, start.ts, Next, the worker), not only npm.
  await waitFor("the process group to be gone", async () => !groupAlive(pid), 2_000);
  expect(await isListening(WEB_PORT)).toBe(false);
  expect(await isListening(DB_PORT)).toBe(false);
  expect(existsSync(path.join(dataDir, "lock"))).toBe(false);
  expect(instance.output()).toContain("[ratchet] stopped");
  return tookMs;
}

/** Per demo model version: the run's counts, and the same counts recomputed from its items and results. */
async function readRuns(dataDir: string) {
  return withDatabase(dataDir, async (c) => {
    const { rows } = await c.query<{ version: string; status: string; total: number; passed: number; failed: number; errored: number; ungraded: number; items: string; finished: string; item_passed: string; item_failed: string; item_errored: string; item_ungraded: string; with_result: string }>(`
      SELECT mv.version, r.status, r.total, r.passed, r.failed, r.errored, r.ungraded,
             count(i.*) AS items, count(i.finished_at) AS finished,
             count(*) FILTER (WHERE i.finished_at IS NOT NULL AND i.verdict = 'pass') AS item_passed,
             count(*) FILTER (WHERE i.finished_at IS NOT NULL AND i.verdict = 'fail') AS item_failed,
             count(*) FILTER (WHERE i.finished_at IS NOT NULL AND i.verdict = 'error') AS item_errored,
             count(*) FILTER (WHERE i.finished_at IS NOT NULL AND i.verdict IS NULL) AS item_ungraded,
             count(res.id) AS with_result
        FROM replay_runs r
        JOIN model_versions mv ON mv.id = r.model_version_id
        JOIN replay_run_items i ON i.run_id = r.id
        LEFT JOIN results res ON res.model_version_id = r.model_version_id AND res.pattern_revision_id = i.pattern_revision_id
       GROUP BY mv.version, r.id ORDER BY mv.version`);
    const duplicates = await c.query<{ n: string }>(
      "SELECT count(*) AS n FROM (SELECT 1 FROM results GROUP BY model_version_id, pattern_revision_id HAVING count(*) > 1) d",
    );
    return { runs: rows, duplicateResults: Number(duplicates.rows[0]!.n) };
  });
}

function expectRunsExact(read: Awaited<ReturnType<typeof readRuns>>) {
  expect(read.duplicateResults).toBe(0);
  expect(read.runs.length).toBeGreaterThan(0);
  for (const run of read.runs) {
    const label = `run of ${run.version}`;
    expect(run.status, label).toBe("completed");
    expect(Number(run.items), label).toBe(run.total);
    expect(Number(run.finished), label).toBe(run.total);
    expect(Number(run.with_result), label).toBe(run.total);
    expect([run.passed, run.failed, run.errored, run.ungraded], label).toEqual([Number(run.item_passed), Number(run.item_failed), Number(run.item_errored), Number(run.item_ungraded)]);
    expect(run.passed + run.failed + run.errored + run.ungraded, label).toBe(run.total);
    // The demo model always answers: an error here would be a call cut off by the stop and recorded as the model's.
    expect(run.errored, label).toBe(0);
  }
}

const waitForReplays = (dataDir: string, instance: Instance) =>
  waitFor(
    "every replay run to complete",
    async () => {
      const { runs } = await readRuns(dataDir);
      return runs.length > 0 && runs.every((r) => r.status === "completed") && runs;
    },
    240_000,
    instance,
  );

beforeAll(async () => {
  for (const port of [WEB_PORT, DB_PORT, OTHER_WEB_PORT, OTHER_DB_PORT]) {
    if (await isListening(port)) throw new Error(`port ${port} is taken; set RATCHET_STOP_TEST_PORT to a free range of 4 ports`);
  }
  const status = await buildIfNeeded({ log: (message) => console.log(`[start test] ${message}`) });
  if (status !== 0) throw new Error(`next build failed (${status})`);
}, 30 * 60_000);

afterAll(() => {
  killGroups(started);
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe("npm start on the embedded database", { timeout: 600_000 }, () => {
  const dataDir = newDataDir();
  let resultsBeforeStop: string[] = [];
  let referenceRuns: Awaited<ReturnType<typeof readRuns>> | undefined;

  it("refuses a second instance on the same data directory at once, naming the process that holds it", async () => {
    const first = startRatchet(dataDir);
    await waitUntilReady(first);
    const owner = JSON.parse(readFileSync(path.join(dataDir, "lock.owner.json"), "utf8")) as { pid: number };
    // The holder is start.ts, inside the first instance's process group.
    expect(spawnSync("ps", ["-o", "pgid=", "-p", String(owner.pid)], { encoding: "utf8" }).stdout.trim()).toBe(String(first.child.pid));

    const second = startRatchet(dataDir, { web: OTHER_WEB_PORT, db: OTHER_DB_PORT });
    const startedAt = performance.now();
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    expect(second.output()).toContain(`is in use by process ${owner.pid}`);
    // "At once": no waiting for the lock (tsx and module loading take a few seconds here).
    expect(exit.atMs - startedAt).toBeLessThan(30_000);
    expect(await isListening(OTHER_WEB_PORT)).toBe(false);
    expect(await isListening(OTHER_DB_PORT)).toBe(false);
    expect((await fetch(`http://127.0.0.1:${WEB_PORT}/api/health`)).ok).toBe(true);
  });

  it("stops within 15 s when the whole process group gets SIGTERM while the start-up replays run, leaving no process, port or lock behind", async () => {
    const first = started[0]!;
    await waitFor("the first results", async () => (await countResults(dataDir)) > 0, 120_000, first);
    resultsBeforeStop = await withDatabase(dataDir, async (c) => (await c.query<{ id: string }>("SELECT id FROM results ORDER BY id")).rows.map((r) => r.id));
    const tookMs = await stopAndCheck(first, dataDir, "group");
    console.log(`[start test] group SIGTERM → exit 0 in ${(tookMs / 1000).toFixed(1)}s, ${resultsBeforeStop.length} results written before`);
  });

  it("starts again with the data written before the stop, finishes the replays, and stops within 15 s on SIGTERM to npm alone", async () => {
    const again = startRatchet(dataDir);
    await waitUntilReady(again);
    const ids = await withDatabase(dataDir, async (c) => (await c.query<{ id: string }>("SELECT id FROM results WHERE id = ANY($1)", [resultsBeforeStop])).rows);
    expect(ids).toHaveLength(resultsBeforeStop.length);
    await waitForReplays(dataDir, again);
    referenceRuns = await readRuns(dataDir);
    expectRunsExact(referenceRuns);
    // The stop gave the model slots back: none is held once the runs are done.
    expect(await withDatabase(dataDir, async (c) => (await c.query("SELECT 1 FROM replay_slots WHERE holder IS NOT NULL")).rowCount)).toBe(0);
    const tookMs = await stopAndCheck(again, dataDir, "parent");
    console.log(`[start test] SIGTERM to npm alone → exit 0 in ${(tookMs / 1000).toFixed(1)}s`);
  });

  it("after kill -9 of every process mid-replay, the next start takes the stale lock over and completes the replays with exact counts", async () => {
    const crashDir = newDataDir();
    // A slow demo model (500 ms per answer), so the replays are still running when the group is killed, however idle the machine.
    const first = startRatchet(crashDir, undefined, { RATCHET_DEMO_LATENCY_MS: "500" });
    await waitUntilReady(first);
    // A run the worker has started and not finished. Not "the first result": a batch's results are written as it ends, and
    // the demo's five runs end within ~100 ms of one another, so the first result was often seen with every run complete.
    const atKill = await waitFor("a replay in progress", async () => {
      const { runs } = await readRuns(crashDir);
      return runs.some((r) => r.status === "running") && runs;
    }, 120_000, first);
    process.kill(-first.child.pid!, "SIGKILL");
    await first.exited;
    await waitFor("the killed group to be gone", async () => !groupAlive(first.child.pid!), 5_000);
    expect(existsSync(path.join(crashDir, "lock"))).toBe(true); // left behind: nobody released it

    const again = startRatchet(crashDir);
    await waitUntilReady(again);
    const runs = await waitForReplays(crashDir, again);
    const read = await readRuns(crashDir);
    expectRunsExact(read);
    // Same deterministic demo model, same patterns: the same counts as the replays that were only stopped gracefully.
    const counts = (r: typeof read) => r.runs.map(({ version, total, passed, failed, errored, ungraded }) => ({ version, total, passed, failed, errored, ungraded }));
    expect(referenceRuns).toBeDefined();
    expect(counts(read)).toEqual(counts(referenceRuns!));
    const unfinishedAtKill = atKill.filter((r) => r.status !== "completed").length;
    console.log(`[start test] killed with ${unfinishedAtKill} of ${runs.length} runs unfinished; completed after restart`);
    expect(unfinishedAtKill).toBeGreaterThan(0);
    await stopAndCheck(again, crashDir, "group");
  });
});
