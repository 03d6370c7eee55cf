import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, TEXT_FORM_SETTINGS, quoteIdentifier, secretFingerprint, type BackupHeader } from "./backup-format";
import { listAppliedMigrations, listBackupSequences, listBackupTables } from "./list-backup-tables";

const FETCH_ROWS = 2_000;

export type BackupSummary = { file: string; bytes: number; tables: number; rows: number; snapshotMs: number; migrations: string[] };

/**
 * Writes a consistent snapshot of the database at `connectionString` to `file`
 * (format: backup-format.ts): every table is read inside ONE
 * `REPEATABLE READ READ ONLY` transaction, so writes that go on meanwhile are
 * either wholly in the file or not at all. On a real PostgreSQL nobody waits for
 * it (MVCC); on the embedded one, whose wire server runs one transaction at a
 * time, other queries wait until it ends (about a second for the demo).
 * The file is written beside `file` and renamed into place, mode 0600.
 */
export async function writeBackup(connectionString: string, file: string, options: { secret?: string; includeSecret?: boolean } = {}): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const output = createWriteStream(partial, { mode: 0o600 });
  const written = once(output, "close");
  gzip.pipe(output);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  const startedAt = performance.now();
  let snapshotMs = 0;
  let total = 0;
  let tables: Awaited<ReturnType<typeof listBackupTables>> = [];
  let migrations: string[] = [];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    for (const setting of TEXT_FORM_SETTINGS) await client.query(setting);
    migrations = await listAppliedMigrations(client);
    if (migrations.length === 0) throw new Error("This database has no Ratchet migrations applied: nothing to back up.");
    tables = await listBackupTables(client);
    const counts: number[] = [];
    for (const table of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdentifier(table.name)}`);
      counts.push(Number(rows[0]!.n));
    }
    const encrypted = tables.some((t) => t.name === "model_versions")
      ? Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM model_versions WHERE connector_secrets IS NOT NULL")).rows[0]!.n)
      : 0;
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      tables: tables.map((t, i) => ({ ...t, rows: counts[i]! })),
      sequences: await listBackupSequences(client),
      secret: {
        fingerprint: options.secret ? secretFingerprint(options.secret) : null,
        encryptedConnectorSecrets: encrypted,
        ...(options.includeSecret && options.secret ? { value: options.secret } : {}),
      },
    };
    await write(JSON.stringify(header));
    for (const [i, table] of tables.entries()) {
      const columns = table.columns.map((c) => `${quoteIdentifier(c.name)}::text`).join(", ");
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_json(ARRAY[${columns}])::text AS r FROM ${quoteIdentifier(table.name)}`);
      let rowsOfTable = 0;
      for (;;) {
        const { rows } = await client.query<{ r: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
        for (const row of rows) await write(row.r);
        rowsOfTable += rows.length;
        if (rows.length < FETCH_ROWS) break;
      }
      await client.query("CLOSE backup_rows");
      if (rowsOfTable !== counts[i]) throw new Error(`${table.name}: counted ${counts[i]} rows, read ${rowsOfTable} (not one snapshot?)`);
      total += rowsOfTable;
    }
    await client.query("COMMIT");
    snapshotMs = performance.now() - startedAt;
    await write(JSON.stringify({ end: true, rows: total }));
    gzip.end();
    await written;
    await rename(partial, file);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    gzip.destroy();
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  return { file, bytes: (await stat(file)).size, tables: tables.length, rows: total, snapshotMs, migrations };
}
