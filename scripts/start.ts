// npm start: database (embedded unless DATABASE_URL) → migrations → demo seed
// (empty database only) → `next build` when sources changed → `next start`.
// `--dev` serves with `next dev` instead of building.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { env } from "../lib/env";
import { applyMigrations } from "../lib/db/tooling/schema-engine";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded-postgres";
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

let embedded: EmbeddedPostgres | undefined;
let databaseUrl = config.DATABASE_URL;
if (databaseUrl) {
  log(`database: PostgreSQL at ${describeDatabaseUrl(databaseUrl)} (DATABASE_URL)`);
} else {
  embedded = await startEmbeddedPostgres({ dataDir: config.RATCHET_DATA_DIR, port: config.RATCHET_EMBEDDED_DB_PORT });
  databaseUrl = embedded.url;
  log(`database: embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), embedded.dataDir) || embedded.dataDir}, serving ${describeDatabaseUrl(databaseUrl)}`);
}

const applied = await applyMigrations(databaseUrl);
log(applied.length ? `migrations applied: ${applied.join(", ")}` : "migrations: up to date");

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

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

if (!dev) await buildIfNeeded();

let stopping = false;
const childEnv = { ...process.env, DATABASE_URL: databaseUrl, RATCHET_SECRET: secret, RATCHET_DEMO: demo ? "1" : "0" };
const server = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(config.PORT), "-H", config.RATCHET_HOST], {
  stdio: "inherit",
  env: childEnv,
});

// The replay worker runs beside the server in its own process (lib/env is parsed
// once per process, with this DATABASE_URL). It starts once the server answers,
// because the demo's model versions are served by the app itself.
let worker: ReturnType<typeof spawn> | undefined;
let demoSignoffs: ReturnType<typeof spawn> | undefined;
void waitUntilServing().then((ok) => {
  if (!ok || stopping) return;
  log(`ready on http://localhost:${config.PORT} in ${elapsed()}`);
  worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(import.meta.dirname, "worker.ts"), "--concurrency", "4", "--fetch", "2"], {
    stdio: "inherit",
    env: childEnv,
  });
  // The demo stakeholder signs off once the demo's replays are complete (sign-offs need complete evidence).
  if (demoSeeded) {
    demoSignoffs = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(import.meta.dirname, "seed-demo-signoffs.ts")], { stdio: "inherit", env: childEnv });
  }
});

async function waitUntilServing(): Promise<boolean> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && !stopping) {
    const host = config.RATCHET_HOST === "0.0.0.0" ? "127.0.0.1" : config.RATCHET_HOST;
    const ok = await fetch(`http://${host}:${config.PORT}/api/health`).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker!.once("exit", resolve));
    worker.kill("SIGTERM");
    await exited;
  }
  await embedded?.stop().catch((error: unknown) => console.error("[ratchet] embedded database did not stop cleanly", error));
  process.exit(code);
}
// Never leave the server or worker behind, whatever ends this process.
process.on("exit", () => {
  if (server.exitCode === null) server.kill("SIGTERM");
  if (worker && worker.exitCode === null) worker.kill("SIGTERM");
  if (demoSignoffs && demoSignoffs.exitCode === null) demoSignoffs.kill("SIGTERM");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.kill(signal);
  });
}
server.on("exit", (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));

/** Builds when the sources differ from the last build's (mtime+size fingerprint). */
async function buildIfNeeded() {
  const fingerprint = await sourceFingerprint();
  const stampPath = path.join(".next", "ratchet-build-fingerprint");
  const previous = await readFile(stampPath, "utf8").catch(() => "");
  const hasBuild = await stat(path.join(".next", "BUILD_ID")).then(() => true, () => false);
  if (hasBuild && previous === fingerprint) {
    log("build: up to date");
    return;
  }
  log("build: sources changed since the last build, running next build …");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    await embedded?.stop();
    process.exit(result.status ?? 1);
  }
  await writeFile(stampPath, fingerprint);
  log(`build: done at ${elapsed()}`);
}

async function sourceFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  const roots = ["app", "components", "lib", "public"];
  const files = ["next.config.ts", "proxy.ts", "instrumentation-client.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!/\.test\.tsx?$/.test(entry.name)) files.push(full);
    }
  }
  for (const root of roots) await walk(root);
  for (const file of files) {
    const s = await stat(file).catch(() => undefined);
    if (s) hash.update(`${file}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest("hex");
}
