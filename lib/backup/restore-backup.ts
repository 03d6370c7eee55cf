import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations, MIGRATIONS_DIR, readMigrationDirectories } from "@/lib/db/tooling/schema-engine";
import { TEXT_FORM_SETTINGS, backupTrailerSchema, quoteIdentifier, type BackupHeader } from "./backup-format";
import { listAppliedMigrations, listBackupTables } from "./list-backup-tables";
import { readBackupFile } from "./read-backup-file";

const INSERT_ROWS = 1_000;
const INSERT_BYTES = 4 * 1024 * 1024;

/** A restore that was not attempted: the database is as it was. */
export class RestoreRefusedError extends Error {
  override name = "RestoreRefusedError";
}

export type RestoreSummary = { tables: number; rows: number; migrations: string[]; laterMigrations: string[]; loadMs: number; redispatchedRuns: number };

/**
 * Restores `file` (written by writeBackup) into the database at `connectionString`:
 * applies the backup's migrations (not newer ones yet: the rows have their shape),
 * then loads every table in ONE transaction with triggers off (as `pg_restore
 * --disable-triggers`; needs a superuser, which the embedded database's user is),
 * sets the sequences, and hands unfinished replay runs back to the dispatcher (the
 * job queue is not in the backup), then applies the migrations that came after it.
 * Refused when the database holds any row, unless `force`: then the same
 * transaction first empties every table (and the job queue), so a failed restore
 * leaves the old data, never a mix.
 */
export async function restoreBackup(connectionString: string, file: string, options: { force?: boolean } = {}): Promise<RestoreSummary> {
  const backup = await readBackupFile(file);
  const client = new pg.Client({ connectionString });
  try {
    const { header } = backup;
    const known = (await readMigrationDirectories()).map((d) => d.path);
    const unknown = header.migrations.filter((m) => !known.includes(m));
    if (unknown.length || header.migrations.some((m, i) => known[i] !== m)) {
      throw new RestoreRefusedError(`The backup was made by another Ratchet version: its migrations ${unknown.length ? `${unknown.join(", ")} are unknown here` : "are not a prefix of this version's"}. Restore it with the version that made it (or a newer one).`);
    }
    await client.connect();
    const applied = await listAppliedMigrations(client);
    const ahead = applied.filter((m) => !header.migrations.includes(m));
    if (ahead.length) throw new RestoreRefusedError(`The database has migrations the backup predates (${ahead.join(", ")}). Restore into a new, empty database (a new RATCHET_DATA_DIR).`);
    await applyMigrationsUpTo(connectionString, header.migrations, known);
    await assertSameTables(client, header);
    const nonEmpty = await listNonEmptyTables(client, header);
    if (nonEmpty.length && !options.force) {
      throw new RestoreRefusedError(`The database is not empty (rows in ${nonEmpty.slice(0, 5).join(", ")}${nonEmpty.length > 5 ? ", …" : ""}). Restore into a new, empty database, or add --force to replace everything in it.`);
    }

    const startedAt = performance.now();
    let total = 0;
    let redispatchedRuns = 0;
    await client.query("BEGIN");
    try {
      for (const setting of TEXT_FORM_SETTINGS) await client.query(setting);
      await client.query("SET LOCAL session_replication_role = replica").catch((error: Error) => {
        throw new RestoreRefusedError(`Restoring needs a superuser connection (rows are loaded with triggers off): ${error.message}. On your own PostgreSQL, use pg_dump/pg_restore (README, Operations).`);
      });
      if (nonEmpty.length) {
        await client.query(`TRUNCATE ${header.tables.map((t) => quoteIdentifier(t.name)).join(", ")}`);
        const queue = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'pgboss' AND tablename = 'job'");
        if (queue.rowCount) await client.query("DELETE FROM pgboss.job");
      }
      for (const table of header.tables) total += await loadTable(client, table, backup.lines);
      const end = await backup.lines.next();
      const trailer = end.done ? undefined : backupTrailerSchema.safeParse(JSON.parse(end.value));
      if (!trailer?.success || trailer.data.rows !== total) throw new Error(`${file} is incomplete or damaged: its end marker is missing or does not match the ${total} rows read`);
      for (const sequence of header.sequences) {
        await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [quoteIdentifier(sequence.name), sequence.lastValue, sequence.isCalled]);
      }
      redispatchedRuns = await handBackUnfinishedReplays(client, header);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
    const loadMs = performance.now() - startedAt;
    const laterMigrations = known.length > header.migrations.length ? await applyMigrations(connectionString) : [];
    return { tables: header.tables.length, rows: total, migrations: header.migrations, laterMigrations, loadMs, redispatchedRuns };
  } finally {
    backup.close();
    await client.end().catch(() => undefined);
  }
}

/** Applies exactly `wanted` (a prefix of this version's migrations), from a scratch copy of their folders when it is not all of them. */
async function applyMigrationsUpTo(connectionString: string, wanted: string[], known: string[]) {
  if (wanted.length === known.length) {
    await applyMigrations(connectionString);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "ratchet-restore-migrations-"));
  try {
    for (const name of wanted) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    await applyMigrations(connectionString, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function assertSameTables(client: pg.Client, header: BackupHeader) {
  const here = new Map((await listBackupTables(client)).map((t) => [t.name, t]));
  for (const table of header.tables) {
    const columns = here.get(table.name)?.columns;
    const same = columns && columns.length === table.columns.length && columns.every((c, i) => c.name === table.columns[i]!.name && c.type === table.columns[i]!.type);
    if (!same) throw new RestoreRefusedError(`Table ${table.name} differs from the backup's after its migrations (${columns ? "columns" : "missing"}): was the database changed by hand?`);
  }
}

async function listNonEmptyTables(client: pg.Client, header: BackupHeader): Promise<string[]> {
  const nonEmpty = [];
  for (const table of header.tables) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${quoteIdentifier(table.name)} LIMIT 1`);
    if (rowCount) nonEmpty.push(table.name);
  }
  return nonEmpty;
}

/** Inserts the table's rows from `lines` in multi-row statements, each value cast from its text form by the column's type. */
async function loadTable(client: pg.Client, table: BackupHeader["tables"][number], lines: AsyncIterator<string>): Promise<number> {
  const columns = table.columns.map((c) => quoteIdentifier(c.name)).join(", ");
  const values = table.columns.map((c, i) => `(r->>${i})::${c.type}`).join(", ");
  const sql = `INSERT INTO ${quoteIdentifier(table.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM json_array_elements($1::json) AS e(r)`;
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length) await client.query(sql, [`[${batch.join(",")}]`]);
    batch = [];
    bytes = 0;
  };
  for (let i = 0; i < table.rows; i++) {
    const next = await lines.next();
    if (next.done) throw new Error(`the backup ends inside table ${table.name} (row ${i + 1} of ${table.rows})`);
    batch.push(next.value);
    bytes += next.value.length;
    if (batch.length >= INSERT_ROWS || bytes >= INSERT_BYTES) await flush();
  }
  await flush();
  return table.rows;
}

/**
 * The job queue is not backed up, so runs that were queued or running get their
 * jobs again: status queued, undispatched, for the dispatch sweep, which makes
 * batches of their unfinished items only (finished items and their results are
 * kept). Model slots leased by the old instance's workers are freed.
 */
async function handBackUnfinishedReplays(client: pg.Client, header: BackupHeader): Promise<number> {
  const names = new Set(header.tables.map((t) => t.name));
  if (names.has("replay_slots")) await client.query("UPDATE replay_slots SET holder = NULL, leased_until = NULL");
  if (!names.has("replay_runs")) return 0;
  const { rowCount } = await client.query("UPDATE replay_runs SET status = 'queued', dispatched_at = NULL WHERE status IN ('queued', 'running')");
  return rowCount ?? 0;
}
