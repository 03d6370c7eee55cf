// npm run backup -- FILE [--include-secret]
// A consistent snapshot (lib/backup/write-backup.ts) of DATABASE_URL's database, or of the
// embedded one in RATCHET_DATA_DIR: through the running instance's database server when
// one runs, else by opening the data directory (taking its lock). Exit 0, or 1 with the reason.
import path from "node:path";
import { readFile } from "node:fs/promises";
import { env } from "../lib/env";
import { describeDatabaseUrl } from "../lib/db/describe-database-url";
import { openEmbeddedDatabase } from "../lib/backup/open-embedded-database";
import { writeBackup } from "../lib/backup/write-backup";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const unknown = args.filter((a) => a.startsWith("--") && a !== "--include-secret");
if (!file || unknown.length) {
  console.error("usage: npm run backup -- FILE [--include-secret]");
  process.exit(1);
}
const log = (message: string) => console.log(`[backup] ${message}`);
const config = env();
const secretFile = path.resolve(config.RATCHET_DATA_DIR, "secret");
const secret = config.RATCHET_SECRET ?? ((await readFile(secretFile, "utf8").catch(() => "")).trim() || undefined);
const includeSecret = args.includes("--include-secret");

try {
  const opened = config.DATABASE_URL ? undefined : await openEmbeddedDatabase(config.RATCHET_DATA_DIR, { useRunning: true });
  const url = config.DATABASE_URL ?? opened!.url;
  log(opened ? `embedded database in ${config.RATCHET_DATA_DIR} (${opened.running ? "through the running instance" : "no instance running: opened it"})` : `PostgreSQL at ${describeDatabaseUrl(url)}`);
  try {
    const summary = await writeBackup(url, path.resolve(file), { secret, includeSecret });
    log(`${summary.rows} rows of ${summary.tables} tables, snapshot in ${summary.snapshotMs.toFixed(0)} ms, ${(summary.bytes / 1024).toFixed(0)} KB → ${file} (mode 0600)`);
    log(`migrations: ${summary.migrations.at(-1)} (${summary.migrations.length})`);
  } finally {
    await opened?.close();
  }
  if (!secret) log("no secret found: connector secrets (if any) cannot be restored usefully");
  else if (includeSecret) log("the secret is INSIDE the file: keep it as safe as the secret itself");
  else log(`the secret is NOT in the file: keep ${config.RATCHET_SECRET ? "RATCHET_SECRET" : secretFile} with it, separately (connector secrets are encrypted with it)`);
} catch (error) {
  console.error(`[backup] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
