import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { createThrowawayDatabase, type ThrowawayDatabase } from "@/lib/db/tooling/throwaway-database";
import { seedDemo } from "@/lib/demo/seed-demo";
import { secretFingerprint } from "./backup-format";
import { listBackupTables } from "./list-backup-tables";
import { readBackupFile } from "./read-backup-file";
import { RestoreRefusedError, restoreBackup } from "./restore-backup";
import { writeBackup } from "./write-backup";

// The backup file round trip on real databases: the demo plus rows with the awkward
// types (bytea with every byte value, JSON null beside SQL NULL), backed up, restored
// into a fresh database, and compared table by table in PostgreSQL's own text forms.
// (Backing up a running embedded instance: scripts/backup-restore.integration.test.ts.)

const sourceUrl = inject("databaseUrl");
const dir = mkdtempSync(path.join(os.tmpdir(), "ratchet-backup-it-"));
const file = path.join(dir, "ratchet.backup.gz");
const SECRET = "backup-test-secret-0123456789abcdef-xyz";
let target: ThrowawayDatabase;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Every table's rows as sorted text forms, and every sequence's state. */
const snapshot = (url: string) =>
  withClient(url, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const tables: Record<string, string[]> = {};
    for (const table of await listBackupTables(client)) {
      const columns = table.columns.map((c) => `"${c.name}"::text`).join(", ");
      const { rows } = await client.query<{ r: string }>(`SELECT to_json(ARRAY[${columns}])::text AS r FROM "${table.name}"`);
      tables[table.name] = rows.map((r) => r.r).sort();
    }
    const sequences = (await client.query<{ s: string }>("SELECT sequencename || ':' || coalesce(last_value::text, 'unset') AS s FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.s);
    await client.query("COMMIT");
    return { tables, sequences };
  });

beforeAll(async () => {
  const db = createPrismaClient(sourceUrl);
  try {
    const { projectId } = await seedDemo(db, { modelBaseUrl: "http://127.0.0.1:9/api/demo/models" });
    await db.attachment.create({ data: { projectId, contentType: "image/png", byteSize: 256, sha256: "x".repeat(64), data: Buffer.from(Array.from({ length: 256 }, (_, i) => i)) } });
  } finally {
    await db.$disconnect();
  }
  await withClient(sourceUrl, async (c) => {
    // JSON null and SQL NULL side by side: a restore must keep them apart.
    await c.query("UPDATE model_versions SET metrics = 'null'::jsonb WHERE id = (SELECT min(id) FROM model_versions)");
    await c.query("UPDATE model_versions SET metrics = NULL WHERE id = (SELECT max(id) FROM model_versions)");
  });
  target = await createThrowawayDatabase("ratchet_backup_it", { migrate: false });
});

afterAll(async () => {
  await target?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores into an empty database exactly what was backed up: every row of every table, byte for byte, and the sequences", async () => {
    const summary = await writeBackup(sourceUrl, file, { secret: SECRET });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { header, close } = await readBackupFile(file);
    close();
    expect(header.secret).toEqual({ fingerprint: secretFingerprint(SECRET), encryptedConnectorSecrets: 0 });
    expect(header.tables.find((t) => t.name === "attachments")?.rows).toBe(1);
    expect(header.tables.map((t) => t.name)).not.toContain("_prisma_migrations");

    const restored = await restoreBackup(target.url, file);
    expect(restored.rows).toBe(summary.rows);
    const [before, after] = await Promise.all([snapshot(sourceUrl), snapshot(target.url)]);
    expect(Object.keys(after.tables)).toEqual(Object.keys(before.tables));
    for (const name of Object.keys(before.tables)) expect(after.tables[name], name).toEqual(before.tables[name]);
    expect(after.sequences).toEqual(before.sequences);
    const metrics = await withClient(target.url, async (c) => (await c.query<{ json_null: string; sql_null: string }>("SELECT count(*) FILTER (WHERE metrics = 'null'::jsonb) AS json_null, count(*) FILTER (WHERE metrics IS NULL) AS sql_null FROM model_versions")).rows[0]!);
    expect(metrics).toEqual({ json_null: "1", sql_null: expect.not.stringMatching(/^0$/) });
    // The seeded runs were queued: handed back to the dispatcher, with the queue not in the backup.
    expect(restored.redispatchedRuns).toBe(before.tables.replay_runs!.length);
  });

  it("refuses a non-empty database without --force, and with force replaces its rows instead of adding to them", async () => {
    await expect(restoreBackup(target.url, file)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreBackup(target.url, file)).rejects.toThrow(/not empty.*--force/);
    await withClient(target.url, (c) => c.query("DELETE FROM attachments"));
    await restoreBackup(target.url, file, { force: true });
    const [before, after] = await Promise.all([snapshot(sourceUrl), snapshot(target.url)]);
    for (const name of Object.keys(before.tables)) expect(after.tables[name], name).toEqual(before.tables[name]);
  });

  it("refuses a file cut short and leaves the database as it was (one transaction)", async () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
    const cut = path.join(dir, "cut.backup.gz");
    writeFileSync(cut, gzipSync(lines.slice(0, -3).join("\n") + "\n"));
    await withClient(target.url, (c) => c.query("DELETE FROM attachments"));
    const before = await snapshot(target.url);
    await expect(restoreBackup(target.url, cut, { force: true })).rejects.toThrow(/ends inside table|incomplete/);
    expect(await snapshot(target.url)).toEqual(before);
  });

  it("refuses a backup whose migrations this version does not know", async () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    header.migrations.push("29991231000000_from_the_future");
    const future = path.join(dir, "future.backup.gz");
    writeFileSync(future, gzipSync([JSON.stringify(header), ...lines.slice(1)].join("\n")));
    await expect(restoreBackup(target.url, future, { force: true })).rejects.toThrow(/29991231000000_from_the_future are unknown here/);
  });
});
