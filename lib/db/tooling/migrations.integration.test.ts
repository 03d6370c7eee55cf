import { describe, expect, inject, it } from "vitest";
import { applyMigrations, diffDatabaseToSchema, diffMigrationsToSchema, readMigrationDirectories } from "./schema-engine";
import { createThrowawayDatabase } from "./throwaway-database";

// Describing a database panics on PGlite (AIRGAP.md), so the schema comparisons
// need a real PostgreSQL server; the run's database kind decides.
const onPostgres = inject("databaseKind") === "postgresql";
const serverUrl = process.env.RATCHET_TEST_SERVER_URL ?? inject("databaseUrl");

describe("migrations", () => {
  it("are recorded, so applying them again applies nothing", async () => {
    const url = inject("databaseUrl");
    expect(await applyMigrations(url)).toEqual([]);
    const directories = await readMigrationDirectories();
    expect(directories.length).toBeGreaterThan(0);
  });

  it.skipIf(!onPostgres)("leave a fresh database with no difference from schema.prisma", async () => {
    const database = await createThrowawayDatabase("ratchet_drift", { serverUrl, migrate: false });
    try {
      const applied = await applyMigrations(database.url);
      expect(applied).toEqual((await readMigrationDirectories()).map((d) => d.path));
      const drift = await diffDatabaseToSchema(database.url);
      expect(drift.replace(/^--.*$/gm, "").trim()).toBe("");
    } finally {
      await database.drop();
    }
  });

  it.skipIf(!onPostgres)("cover every change in schema.prisma (db:migration would write nothing)", async () => {
    const shadow = await createThrowawayDatabase("ratchet_shadow", { serverUrl, migrate: false });
    try {
      const sql = await diffMigrationsToSchema(shadow.url);
      expect(sql.replace(/^--.*$/gm, "").trim()).toBe("");
    } finally {
      await shadow.drop();
    }
  });
});
