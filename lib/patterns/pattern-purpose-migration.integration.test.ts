import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR, applyMigrations, readMigrationDirectories } from "@/lib/db/tooling/schema-engine";
import { createThrowawayDatabase } from "@/lib/db/tooling/throwaway-database";

// The rename of polarity to purpose (issue 15 item 7) must keep every pattern's
// meaning: a database with patterns of both polarities, migrated, has the same
// patterns as cases and controls.
const MIGRATION = "20261202183500_pattern_purpose";
const serverUrl = process.env.RATCHET_TEST_SERVER_URL ?? inject("databaseUrl");

describe(`migration ${MIGRATION}`, () => {
  it("renames polarity to purpose in place: positive patterns become cases, negative ones controls", async () => {
    const database = await createThrowawayDatabase("ratchet_purpose", { serverUrl, migrate: false });
    const before = await mkdtemp(path.join(os.tmpdir(), "ratchet-purpose-migrations-"));
    const client = new pg.Client({ connectionString: database.url });
    try {
      const earlier = (await readMigrationDirectories()).map((d) => d.path).filter((name) => name < MIGRATION);
      for (const name of earlier) await cp(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
      await cp(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(before, "migration_lock.toml"));
      expect(await applyMigrations(database.url, before)).toEqual(earlier);

      await client.connect();
      await client.query(`INSERT INTO projects (id, slug, name, output_kind, key_prefix, updated_at) VALUES ('prj', 'prj', 'P', 'label', 'P', now())`);
      await client.query(`INSERT INTO problems (id, project_id, number, key, title, severity, target, updated_at) VALUES ('prb', 'prj', 1, 'P-1', 'T', 'high', 0.1, now())`);
      await client.query(
        `INSERT INTO patterns (id, project_id, problem_id, name, polarity, origin, updated_at) VALUES
           ('a', 'prj', 'prb', 'was positive', 'positive', 'production', now()),
           ('b', 'prj', 'prb', 'was negative', 'negative', 'contrived', now())`,
      );

      // This migration, then any added after it.
      const rest = (await readMigrationDirectories()).map((d) => d.path).filter((name) => name >= MIGRATION);
      expect(rest[0]).toBe(MIGRATION);
      expect(await applyMigrations(database.url)).toEqual(rest);
      const { rows } = await client.query<{ id: string; purpose: string; origin: string }>(`SELECT id, purpose::text AS purpose, origin::text AS origin FROM patterns ORDER BY id`);
      expect(rows).toEqual([
        { id: "a", purpose: "case", origin: "production" },
        { id: "b", purpose: "control", origin: "contrived" },
      ]);
      const columns = await client.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'patterns' AND column_name IN ('polarity', 'purpose')`);
      expect(columns.rows.map((c) => c.column_name)).toEqual(["purpose"]);
    } finally {
      await client.end().catch(() => undefined);
      await database.drop();
      await rm(before, { recursive: true, force: true });
    }
  });
});
