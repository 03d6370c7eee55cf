import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../db/schema-engine";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { createScratchDatabase, dropScratchDatabase } from "../db/scratch-database";

// One fresh, migrated database per integration run: a new database on the
// server DATABASE_URL names, or a new embedded PostgreSQL when it is unset.

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgresql" | "embedded";
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const url = await createScratchDatabase(serverUrl, "ratchet_it");
    await applyMigrations(url);
    project.provide("databaseUrl", url);
    project.provide("databaseKind", "postgresql");
    console.log(`[integration] fresh PostgreSQL database ${new URL(url).pathname.slice(1)}`);
    return async () => dropScratchDatabase(serverUrl, url);
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ratchet-it-"));
  const embedded = await startEmbeddedPostgres({ dataDir });
  await applyMigrations(embedded.url);
  project.provide("databaseUrl", embedded.url);
  project.provide("databaseKind", "embedded");
  console.log(`[integration] fresh embedded PostgreSQL in ${dataDir}`);
  return async () => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
