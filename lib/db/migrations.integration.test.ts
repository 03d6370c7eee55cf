import { describe, expect, inject, it } from "vitest";
import { applyMigrations, diffDatabaseToSchema, diffMigrationsToSchema, readMigrationDirectories } from "./schema-engine";
import { createScratchDatabase, dropScratchDatabase } from "./scratch-database";

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
    const url = await createScratchDatabase(serverUrl, "ratchet_drift");
    try {
      const applied = await applyMigrations(url);
      expect(applied).toEqual((await readMigrationDirectories()).map((d) => d.path));
      const drift = await diffDatabaseToSchema(url);
      expect(drift.replace(/^--.*$/gm, "").trim()).toBe("");
    } finally {
      await dropScratchDatabase(serverUrl, url);
    }
  });

  it.skipIf(!onPostgres)("cover every change in schema.prisma (db:migration would write nothing)", async () => {
    const scratch = await createScratchDatabase(serverUrl, "ratchet_shadow");
    try {
      const sql = await diffMigrationsToSchema(scratch);
      expect(sql.replace(/^--.*$/gm, "").trim()).toBe("");
    } finally {
      await dropScratchDatabase(serverUrl, scratch);
    }
  });
});
