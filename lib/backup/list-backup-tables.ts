import type pg from "pg";
import { quoteIdentifier } from "./backup-format";

export type BackupTable = { name: string; columns: { name: string; type: string }[] };

/**
 * Ratchet's tables (schema public) and their stored columns, by name. Not
 * `_prisma_migrations` (a restore migrates the empty database first, which
 * writes it) and not the job queue's schema (pgboss: work derived from
 * replay_runs, which a restore re-dispatches). Generated columns are computed again.
 */
export async function listBackupTables(client: pg.ClientBase): Promise<BackupTable[]> {
  const { rows } = await client.query<{ table: string; column: string; type: string }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
     ORDER BY c.relname, a.attnum`);
  const tables = new Map<string, BackupTable>();
  for (const row of rows) {
    const table = tables.get(row.table) ?? { name: row.table, columns: [] };
    table.columns.push({ name: row.column, type: row.type });
    tables.set(row.table, table);
  }
  return [...tables.values()];
}

/** The sequences of schema public with their state (nextval is not transactional: read inside the snapshot, they may run ahead of it, never behind). */
export async function listBackupSequences(client: pg.ClientBase): Promise<{ name: string; lastValue: string; isCalled: boolean }[]> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`);
  const sequences = [];
  for (const { name } of rows) {
    const state = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text AS last_value, is_called FROM ${quoteIdentifier(name)}`);
    sequences.push({ name, lastValue: state.rows[0]!.last_value, isCalled: state.rows[0]!.is_called });
  }
  return sequences;
}

/** Migration names recorded as applied, oldest first. */
export async function listAppliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '_prisma_migrations'");
  if (!exists.rowCount) return [];
  const { rows } = await client.query<{ name: string }>(
    "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
  );
  return rows.map((r) => r.name);
}
