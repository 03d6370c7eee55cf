// npm start: database (embedded unless DATABASE_URL) → migrations → demo seed
// (empty database only) → `next build` when sources changed → `next start`.
// `--dev` serves with `next dev` instead of building. SIGTERM/SIGINT stop it
// cleanly (see "Stopping" below); the embedded data directory is locked while it runs.
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import path from "node:path";
import { env } from "../lib/env";
import { buildIfNeeded } from "./build-if-needed";
import { applyMigrations } from "../lib/db/tooling/schema-engine";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded-postgres";
import { DataDirectoryLockedError } from "../lib/db/lock-data-directory";
import { handleStopSignals, signalExitCode, type StopSignal } from "../lib/process/handle-stop-signals";
import { describeDatabaseUrl } from "../lib/db/describe-database-url";
import { createPrismaClient } from "../lib/db/prisma";
import { isDatabaseEmpty, seedDemo } from "../lib/demo/seed-demo";
import { readDemoCredentials, seedDemoUsers } from "../lib/demo/seed-demo-users";
import { ensureSecret } from "../lib/db/ensure-secret";

const dev = process.argv.includes("--dev");
const config = env();
const startedAt = performance.now();
const log = (message: string) => console.log(`[ratchet] ${message}`);
const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(1)}s`;

// Stopping (issue 16): the first SIGTERM/SIGINT stops the children (Next
// closes its listener and lets in-flight requests finish; the worker writes
// what it has, gives its slots and jobs back), waits for them (bounded, then
// SIGKILL), closes the embedded database and its lock, and exits 0 — all
// within STOP_DEADLINE_MS. A later signal exits at once.
const CHILD_GRACE_MS = 10_000;
const DATABASE_CLOSE_MS = 3_000;
const STOP_DEADLINE_MS = 14_500;
const children = new Set<ChildProcess>();
const signalled = new WeakSet<ChildProcess>();
let stopRequested: StopSignal | undefined;
let finishing: Promise<never> | undefined;
let serving = false;

handleStopSignals({
  stop(signal) {
    stopRequested = signal;
    log(`${signal}: stopping …`);
    for (const child of children) signalChild(child, "SIGTERM");
    setTimeout(() => {
      console.error(`[ratchet] did not stop within ${STOP_DEADLINE_MS / 1000}s; exiting now`);
      forceExit(1);
    }, STOP_DEADLINE_MS).unref();
    // While starting, the start-up sequence stops at its next step (see checkpoint()).
    if (serving) void finish(0);
  },
  force(signal) {
    console.error(`[ratchet] ${signal} again: exiting now`);
    forceExit(signalExitCode(signal));
  },
});
// Never leave a child behind, whatever ends this process.
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

let embedded: EmbeddedPostgres | undefined;
let databaseUrl = config.DATABASE_URL;
if (databaseUrl) {
  log(`database: PostgreSQL at ${describeDatabaseUrl(databaseUrl)} (DATABASE_URL)`);
} else {
  try {
    embedded = await startEmbeddedPostgres({ dataDir: config.RATCHET_DATA_DIR, port: config.RATCHET_EMBEDDED_DB_PORT });
  } catch (error) {
    if (!(error instanceof DataDirectoryLockedError)) throw error;
    console.error(`[ratchet] ${error.message}`);
    process.exit(1);
  }
  databaseUrl = embedded.url;
  log(`database: embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), embedded.dataDir) || embedded.dataDir}, serving ${describeDatabaseUrl(databaseUrl)}`);
}
await checkpoint();

const applied = await applyMigrations(databaseUrl);
log(applied.length ? `migrations applied: ${applied.join(", ")}` : "migrations: up to date");
await checkpoint();

const secret = await ensureSecret(config.RATCHET_DATA_DIR, config.RATCHET_SECRET);
if (!config.RATCHET_SECRET && config.DATABASE_URL) {
  log(`warning: RATCHET_SECRET is not set; using the one kept in ${config.RATCHET_DATA_DIR}/secret. Set it explicitly when several instances share the database.`);
}

const baseUrl = config.RATCHET_PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`;
// The demo (project and one user per role) goes only into an empty embedded
// database, or into an empty DATABASE_URL one when RATCHET_DEMO=1 asks for it.
const demo = config.RATCHET_DEMO ?? !config.DATABASE_URL;
let demoSeeded = false;
if (demo) {
  const db = createPrismaClient(databaseUrl);
  try {
    if (await isDatabaseEmpty(db)) {
      await seedDemo(db, { modelBaseUrl: `${baseUrl}/api/demo/models` });
      if ((await db.user.count()) === 0) await seedDemoUsers(db, config.RATCHET_DATA_DIR, process.env.RATCHET_DEMO_PASSWORD);
      demoSeeded = true;
      log("demo project seeded (empty database)");
    }
  } finally {
    await db.$disconnect();
  }
  const credentials = await readDemoCredentials(config.RATCHET_DATA_DIR);
  if (credentials) {
    log("demo accounts (demo database only — create real accounts for real use):");
    for (const c of credentials) log(`  ${c.role.padEnd(11)} ${c.email}  ${c.password}`);
  }
}
await checkpoint();

if (!dev) {
  const status = await buildIfNeeded({
    log,
    onSpawn(build) {
      children.add(build);
      build.on("exit", () => children.delete(build));
    },
  });
  await checkpoint();
  if (status !== 0) await finish(status);
  log(`build: ready at ${elapsed()}`);
}
await checkpoint();

const childEnv = { ...process.env, DATABASE_URL: databaseUrl, RATCHET_SECRET: secret, RATCHET_DEMO: demo ? "1" : "0" };
// scripts/serve-next.mjs: Next behind a server that tells the app each request's TCP peer
// (client addresses, RATCHET_TRUSTED_PROXIES); it stops as `next start` does (exit 143/130).
// One web process per core (at most 4, RATCHET_WEB_PROCESSES): a page render uses one core.
const webProcesses = config.RATCHET_WEB_PROCESSES ?? Math.min(4, availableParallelism());
const server = startChild(process.execPath, [
  path.join(import.meta.dirname, "serve-next.mjs"),
  ...(dev ? ["--dev"] : ["--processes", String(webProcesses)]),
  "-p",
  String(config.PORT),
  "-H",
  config.RATCHET_HOST,
]);
serving = true;
server.on("exit", (code, signal) => {
  // The web server exits 143/130 when it was told to stop: that is a stop, not a crash.
  const stopped = stopRequested !== undefined || signal !== null || code === 130 || code === 143;
  if (!stopped) console.error(`[ratchet] the web server exited (${code}); stopping`);
  void finish(stopped ? 0 : (code ?? 1));
});

// The replay worker runs beside the server in its own process (lib/env is parsed
// once per process, with this DATABASE_URL). It starts once the server answers,
// because the demo's model versions are served by the app itself.
void waitUntilServing().then((ok) => {
  if (!ok || stopRequested) return;
  log(`ready on http://localhost:${config.PORT} in ${elapsed()}`);
  const worker = startChild(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(import.meta.dirname, "worker.ts"), "--concurrency", "4", "--fetch", "2"], { ipc: true });
  worker.on("exit", (code, signal) => {
    if (!stopRequested) console.error(`[ratchet] the worker exited (${signal ?? code}); replays wait until the next start`);
  });
  // The demo stakeholder signs off once the demo's replays are complete (sign-offs need complete evidence).
  if (demoSeeded) startChild(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(import.meta.dirname, "seed-demo-signoffs.ts")]);
});

/** `ipc`: the child is ours and stops on a "stop" message (see signalChild). */
function startChild(command: string, args: string[], options: { ipc?: boolean } = {}): ChildProcess {
  const child = spawn(command, args, { stdio: options.ipc ? ["inherit", "inherit", "inherit", "ipc"] : "inherit", env: childEnv });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

function signalChild(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (signal === "SIGTERM" && signalled.has(child)) return;
  signalled.add(child);
  // Our own children (the worker) are asked over IPC: a SIGTERM from here could arrive after the
  // group's own SIGTERM and read as the second, forcing signal. Next ignores a repeated SIGTERM.
  if (signal === "SIGTERM" && child.connected) child.send("stop");
  else child.kill(signal);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalChild(child, "SIGTERM");
  const timer = setTimeout(() => {
    console.error(`[ratchet] process ${child.pid} did not stop within ${CHILD_GRACE_MS / 1000}s; killing it`);
    child.kill("SIGKILL");
  }, CHILD_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** Between start-up steps: a stop requested meanwhile ends the start here. */
async function checkpoint(): Promise<void> {
  if (stopRequested) await finish(0);
}

/** Stops every child, then the embedded database, then exits with `code`. */
function finish(code: number): Promise<never> {
  finishing ??= (async () => {
    await Promise.all([...children].map(stopChild));
    if (embedded) {
      const closed = embedded.stop().then(
        () => true,
        (error: unknown) => {
          console.error("[ratchet] embedded database did not stop cleanly", error);
          return false;
        },
      );
      const inTime = await Promise.race([closed, new Promise<false>((resolve) => setTimeout(() => resolve(false), DATABASE_CLOSE_MS).unref())]);
      if (!inTime) console.error(`[ratchet] embedded database not closed within ${DATABASE_CLOSE_MS / 1000}s`);
    }
    log(`stopped (${elapsed()} after start)`);
    process.exit(code);
  })();
  return finishing;
}

function forceExit(code: number): never {
  for (const child of children) child.kill("SIGKILL");
  process.exit(code);
}

async function waitUntilServing(): Promise<boolean> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && !stopRequested) {
    const host = config.RATCHET_HOST === "0.0.0.0" ? "127.0.0.1" : config.RATCHET_HOST;
    // Liveness on purpose: readiness also wants the job queue, which the worker started after this creates.
    const ok = await fetch(`http://${host}:${config.PORT}/api/health`).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
