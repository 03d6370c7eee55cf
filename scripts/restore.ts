// npm run restore -- FILE [--force] [--ignore-secret]
// Restores a backup (lib/backup/restore-backup.ts) into DATABASE_URL's database, or into the
// embedded one in RATCHET_DATA_DIR (a new folder is fine; a running instance must be stopped
// first). Refused (exit 1, nothing changed) into a database with any row unless --force, and
// when the secret that encrypted the backup's connector secrets is not here (plan-restore-secret.ts).
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../lib/env";
import { describeDatabaseUrl } from "../lib/db/describe-database-url";
import { openEmbeddedDatabase } from "../lib/backup/open-embedded-database";
import { planRestoreSecret } from "../lib/backup/plan-restore-secret";
import { readBackupFile } from "../lib/backup/read-backup-file";
import { restoreBackup } from "../lib/backup/restore-backup";

const FLAGS = ["--force", "--ignore-secret"];
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const unknown = args.filter((a) => a.startsWith("--") && !FLAGS.includes(a));
if (!file || unknown.length) {
  console.error("usage: npm run restore -- FILE [--force] [--ignore-secret]");
  process.exit(1);
}
const log = (message: string) => console.log(`[restore] ${message}`);
const config = env();

try {
  const backup = await readBackupFile(path.resolve(file));
  backup.close();
  const { header } = backup;
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  log(`${file}: made ${header.createdAt}, ${rows} rows of ${header.tables.length} tables, migrations up to ${header.migrations.at(-1)}`);
  const secretPlan = await planRestoreSecret(header, { configured: config.RATCHET_SECRET, dataDir: config.RATCHET_DATA_DIR, ignoreSecret: args.includes("--ignore-secret") });
  const opened = config.DATABASE_URL ? undefined : await openEmbeddedDatabase(config.RATCHET_DATA_DIR, { useRunning: false });
  const url = config.DATABASE_URL ?? opened!.url;
  log(opened ? `into the embedded database in ${config.RATCHET_DATA_DIR}` : `into PostgreSQL at ${describeDatabaseUrl(url)}`);
  try {
    const summary = await restoreBackup(url, path.resolve(file), { force: args.includes("--force") });
    log(`${summary.rows} rows of ${summary.tables} tables restored in ${summary.loadMs.toFixed(0)} ms (one transaction)`);
    if (summary.laterMigrations.length) log(`then applied newer migrations: ${summary.laterMigrations.join(", ")}`);
    if (summary.redispatchedRuns) log(`${summary.redispatchedRuns} unfinished replay run(s) will resume at the next start`);
  } finally {
    await opened?.close();
  }
  if (secretPlan.secretFileToWrite) {
    const { file: secretFile, value } = secretPlan.secretFileToWrite;
    await mkdir(path.dirname(secretFile), { recursive: true });
    await writeFile(secretFile, value, { mode: 0o600 });
    await chmod(secretFile, 0o600);
    log(`the backup's secret written to ${secretFile}`);
  }
  if (secretPlan.warning) log(`warning: ${secretPlan.warning}`);
} catch (error) {
  console.error(`[restore] refused or failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
