import { beforeAll, expect, inject, vi } from "vitest";
import pg from "pg";
import { recordingRoute, routeTemplateFromStack } from "./api-response-recorder";

// Runs before every integration test file: point the app's config at the run's
// database and empty every table, so files never see each other's rows.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.RATCHET_SECRET ??= "integration-tests-secret-0123456789abcdef";
process.env.RATCHET_DEMO ??= "1";
// Access and replay lines would bury vitest's report; tests that read logs raise the level themselves.
process.env.RATCHET_LOG_LEVEL ??= "warn";

// Every answer of every apiRoute handler is recorded for the OpenAPI conformance check at the end of the run.
vi.mock("@/lib/api/api-route", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/api/api-route")>();
  const file = inject("apiAnswersFile");
  return {
    ...original,
    apiRoute: ((...args: Parameters<typeof original.apiRoute>) =>
      recordingRoute(original.apiRoute(...args), routeTemplateFromStack(new Error().stack), file, () => expect.getState().currentTestName)) as typeof original.apiRoute,
  };
});

beforeAll(async () => {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    if (rows.length) await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
});
