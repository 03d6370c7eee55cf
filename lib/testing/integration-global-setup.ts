import type { TestProject } from "vitest/node";
import { createThrowawayDatabase } from "../db/tooling/throwaway-database";

// One fresh, migrated database per integration run: a new database on the
// server DATABASE_URL names, or a new embedded PostgreSQL when it is unset.
// Removed at teardown, and also when the run is interrupted or killed.

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgresql" | "embedded";
  }
}

export default async function setup(project: TestProject) {
  const database = await createThrowawayDatabase("ratchet_it");
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  console.log(`[integration] fresh ${database.kind === "postgresql" ? "PostgreSQL database" : "embedded PostgreSQL in"} ${database.name}`);
  return () => database.drop();
}
