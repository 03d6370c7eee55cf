import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIfNeeded } from "./build-if-needed";

// Issue 16: the real `npm start` on the embedded database, in its own process
// group, stopped the ways operators stop it. Loopback only; every process it
// starts is killed in afterAll. The app is built once, before the first start
// (a no-op when .next is up to date).

const WEB_PORT = Number(process.env.RATCHET_STOP_TEST_PORT ?? 3242);
const DB_PORT = WEB_PORT + 1;
const OTHER_WEB_PORT = WEB_PORT + 2;
const OTHER_DB_PORT = WEB_PORT + 3;
const STOP_LIMIT_MS = 15_000;
const root = path.resolve(import.meta.dirname, "..");

type Instance = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }> };
const started: Instance[] = [];
const dataDirs: string[] = [];

function newDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ratchet-stop-test-"));
  dataDirs.push(dir);
  return dir;
}

/** `npm start` in a new process group (detached), embedded database in `dataDir`. */
function startRatchet(dataDir: string, ports = { web: WEB_PORT, db: DB_PORT }): Instance {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "RATCHET_SECRET", "RATCHET_DEMO", "RATCHET_PUBLIC_URL", "NODE_OPTIONS"]) delete env[name];
  Object.assign(env, {
    NODE_ENV: "production",
    PORT: String(ports.web),
    RATCHET_HOST: "127.0.0.1",
    RATCHET_DATA_DIR: dataDir,
    RATCHET_EMBEDDED_DB_PORT: String(ports.db),
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const child = spawn("npm", ["start"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, atMs: performance.now() })),
  );
  const instance = { child, output: () => output, exited };
  started.push(instance);
  return instance;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, instance?: Instance): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (instance && instance.child.exitCode !== null) throw new Error(`npm start exited (${instance.child.exitCode}) while waiting for ${what}:\n${instance.output().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${instance ? `:\n${instance.output().slice(-3000)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const waitUntilReady = (instance: Instance) =>
  waitFor("the app to serve and the worker to start", async () => instance.output().includes("worker ready") && (await fetch(`http://127.0.0.1:${WEB_PORT}/api/health`)).ok, 240_000, instance);

async function withDatabase<T>(dataDir: string, run: (client: pg.Client) => Promise<T>, port = DB_PORT): Promise<T> {
  const password = readFileSync(path.join(dataDir, "db-password"), "utf8").trim();
  const client = new pg.Client({ connectionString: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable` });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const countResults = (dataDir: string) => withDatabase(dataDir, async (c) => Number((await c.query<{ n: string }>("SELECT count(*) AS n FROM results")).rows[0]!.n));

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

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
  for (const { child } of started) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
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
    const first = startRatchet(crashDir);
    await waitUntilReady(first);
    const atKill = await waitFor("a replay in progress", async () => (await countResults(crashDir)) > 0 && (await readRuns(crashDir)).runs, 120_000, first);
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
