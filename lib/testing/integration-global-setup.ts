import type { TestProject } from "vitest/node";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createThrowawayDatabase } from "../db/tooling/throwaway-database";

// One fresh, migrated database per integration run: a new database on the
// server DATABASE_URL names, or a new embedded PostgreSQL when it is unset.
// Removed at teardown, and also when the run is interrupted or killed.

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgresql" | "embedded";
    /** JSON lines of every /api/v1 answer of the run (api-response-recorder.ts). */
    apiAnswersFile: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createThrowawayDatabase("ratchet_it");
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  const answersDir = mkdtempSync(path.join(tmpdir(), "ratchet-api-answers-"));
  const answersFile = path.join(answersDir, "answers.jsonl");
  writeFileSync(answersFile, "");
  project.provide("apiAnswersFile", answersFile);
  process.env.RATCHET_API_ANSWERS_FILE = answersFile;
  console.log(`[integration] fresh ${database.kind === "postgresql" ? "PostgreSQL database" : "embedded PostgreSQL in"} ${database.name}`);
  return async () => {
    rmSync(answersDir, { recursive: true, force: true });
    await database.drop();
  };
}
