import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded-postgres";
import { applyMigrations } from "./schema-engine";

// The one throwaway database for tests, the end-to-end server, benchmarks and
// migration diffs: a fresh database on DATABASE_URL's server (or, without one,
// an embedded PostgreSQL in a temporary folder), always removed afterwards:
//   - by drop(), which every caller runs in a finally / teardown;
//   - when the process exits without it (process.exit, an uncaught error),
//     synchronously, from the "exit" event;
//   - on SIGINT/SIGTERM/SIGHUP that nobody else handles, before the signal's
//     default action;
//   - after SIGKILL, by the next throwaway database created on this machine:
//     names carry the creating host and process id, and those of dead
//     processes on this host are dropped (never another host's, never a live one's).

export type ThrowawayDatabase = {
  url: string;
  kind: "postgresql" | "embedded";
  /** The database's name, or the embedded database's folder. */
  name: string;
  /** Removes the database (or stops the embedded one and deletes its folder). Safe to call twice. */
  drop(): Promise<void>;
};

export type ThrowawayDatabaseOptions = {
  /** The PostgreSQL server to create it on (any database URL of it); unset: an embedded PostgreSQL. Default: DATABASE_URL. */
  serverUrl?: string;
  /** Apply prisma/migrations (default true). */
  migrate?: boolean;
};

const HOST_TAG = createHash("sha256").update(os.hostname()).digest("hex").slice(0, 6);
const NAME_PATTERN = /^(?<purpose>[a-z0-9_]+)_(?<host>[0-9a-f]{6})_(?<pid>\d+)_(?<stamp>[0-9a-z]+)$/;
const FOLDER_PATTERN = /^ratchet-(?<purpose>[a-z0-9-]+)-(?<pid>\d+)-[A-Za-z0-9]{6}$/;

/** Registered drops still to do when the process ends: synchronous versions, since "exit" cannot wait. */
const pending = new Map<string, () => void>();

/** A fresh database named after `purpose` (`ratchet_it`, `ratchet_e2e` …); see the file comment for when it is removed. */
export async function createThrowawayDatabase(purpose: string, options: ThrowawayDatabaseOptions = {}): Promise<ThrowawayDatabase> {
  if (!/^[a-z][a-z0-9_]*$/.test(purpose)) throw new Error(`purpose must be lowercase letters, digits, underscores: ${purpose}`);
  const serverUrl = "serverUrl" in options ? options.serverUrl : process.env.DATABASE_URL;
  installExitCleanUp();
  const database = serverUrl ? await createOnServer(serverUrl, purpose) : await createEmbedded(purpose);
  if (options.migrate ?? true) {
    try {
      await applyMigrations(database.url);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return database;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createOnServer(serverUrl: string, purpose: string): Promise<ThrowawayDatabase> {
  const name = `${purpose}_${HOST_TAG}_${process.pid}_${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  await withAdmin(serverUrl, async (admin) => {
    await dropAbandonedDatabases(admin);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  const key = `db:${name}`;
  pending.set(key, () => dropDatabasesSync(serverUrl, [name]));
  let dropped: Promise<void> | undefined;
  return {
    url: withDatabaseName(serverUrl, name),
    kind: "postgresql",
    name,
    drop() {
      dropped ??= withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {
        pending.delete(key);
      });
      return dropped;
    },
  };
}

async function createEmbedded(purpose: string): Promise<ThrowawayDatabase> {
  removeAbandonedFolders();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `ratchet-${purpose.replaceAll("_", "-")}-${process.pid}-`));
  const key = `dir:${dataDir}`;
  // The embedded server runs in this process and dies with it: only its folder is left to remove.
  pending.set(key, () => rmSync(dataDir, { recursive: true, force: true }));
  const embedded = await startEmbeddedPostgres({ dataDir }).catch((error: unknown) => {
    pending.get(key)?.();
    pending.delete(key);
    throw error;
  });
  let dropped: Promise<void> | undefined;
  return {
    url: embedded.url,
    kind: "embedded",
    name: dataDir,
    drop() {
      dropped ??= (async () => {
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
        pending.delete(key);
      })();
      return dropped;
    },
  };
}

async function withAdmin<T>(serverUrl: string, run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Databases this host's killed processes left behind (SIGKILL, power loss): theirs to drop, nobody else's. */
async function dropAbandonedDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'ratchet%'");
  for (const { datname } of rows) {
    const owner = NAME_PATTERN.exec(datname)?.groups;
    if (owner?.host === HOST_TAG && !isAlive(Number(owner.pid))) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
  }
}

function removeAbandonedFolders(): void {
  for (const entry of readdirSync(os.tmpdir())) {
    const owner = FOLDER_PATTERN.exec(entry)?.groups;
    if (owner && !isAlive(Number(owner.pid))) rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  }
}

/** Drops databases from a child process, synchronously: the only way left once the "exit" event fires. */
function dropDatabasesSync(serverUrl: string, names: string[]): void {
  const pgPath = createRequire(import.meta.url).resolve("pg");
  const script = `const pg = require(process.argv[1]); const c = new pg.Client({ connectionString: process.argv[2] });
c.connect().then(async () => { for (const n of process.argv.slice(3)) await c.query('DROP DATABASE IF EXISTS "' + n + '" WITH (FORCE)'); await c.end(); })
  .catch((e) => { console.error("[throwaway-database] drop failed:", e.message); process.exit(1); });`;
  spawnSync(process.execPath, ["-e", script, pgPath, serverUrl, ...names], { stdio: ["ignore", "ignore", "inherit"], timeout: 20_000 });
}

function cleanUpNow(): void {
  for (const [key, drop] of pending) {
    pending.delete(key);
    try {
      drop();
    } catch (error) {
      console.error(`[throwaway-database] could not remove ${key}:`, error);
    }
  }
}

let exitCleanUpInstalled = false;

function installExitCleanUp(): void {
  if (exitCleanUpInstalled) return;
  exitCleanUpInstalled = true;
  process.once("exit", cleanUpNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      // Someone else handles this signal and will exit: the "exit" event cleans up then.
      if (process.listenerCount(signal) > 1) return;
      cleanUpNow();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
