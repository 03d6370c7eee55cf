import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import type { OpenApiOperation } from "@/lib/api/openapi/build-openapi-document";
import type { ApiRouteHandler, RouteContext } from "@/lib/api/api-route";
import { seedReplayFixture } from "@/lib/replay/testing/seed-replay-fixture";
import { deepJsonText, fromSchema, hostileString, hostileValue, type Components } from "@/lib/testing/fuzz/hostile-arbitraries";
import { startModelServer, type ModelServer } from "@/lib/testing/model-servers/start-model-server";
import { createTestToken, createTestUser, type TestUser } from "@/lib/testing/test-actors";
import { apiManifest } from "./openapi.json/api-manifest.generated";
import { getOpenApiDocument } from "./openapi.json/openapi-document";
import { GET as getOpenApi } from "./openapi.json/route";

// The fuzz tier (issue 11): every operation of the OpenAPI document, called
// in-process as Next calls it, as a signed-in admin against the real database,
// with fast-check bodies, queries and ids shaped by the operation's own schemas
// and laced with NUL characters, deep nesting, huge strings and wrong types.
// It fails on any 5xx, and on any row written by a request that answered 4xx
// (a per-row trigger on every table counts writes inside the request's transaction).

const RUNS_PER_OPERATION = 200;
const ORIGIN = "http://localhost:3000";
/** Auth bookkeeping, not the request's effect: sign-in limits and session refreshes. */
const UNTRACKED_TABLES = ["sessions", "verifications", "rate_limits", "_prisma_migrations"];

const db = createPrismaClient(inject("databaseUrl"));
const client = new pg.Client({ connectionString: inject("databaseUrl") });
let server: ModelServer;
let admin: TestUser;
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  await client.connect();
  server = await startModelServer({ protocol: "openinference" });
  admin = await createTestUser("admin");
  const other = await createTestUser("engineer");
  const fixture = await seedReplayFixture(db, { baseUrl: server.url, patterns: 3 });
  const run = await db.replayRun.create({ data: { projectId: fixture.projectId, modelVersionId: fixture.modelVersionId, status: "completed", total: 0, trigger: "manual" } });
  const token = await createTestToken(other, ["read"]);
  const invite = await db.invite.create({ data: { email: "fuzz-invite@test.local", role: "tester", tokenHash: "fuzz-invite-token-hash", expiresAt: new Date(Date.now() + 86_400_000), createdById: admin.id } });
  const captures = await Promise.all([0, 1, 2].map((i) => db.capture.create({ data: { projectId: fixture.projectId, input: { text: `captured ${i}` }, output: "positive" } })));
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex");
  const attachment = await db.attachment.create({ data: { projectId: fixture.projectId, contentType: "image/png", byteSize: png.byteLength, sha256: "0".repeat(64), width: 1, height: 1, data: png } });
  Object.assign(ids, {
    captureId: captures.map((c) => c.id),
    attachmentId: [attachment.id],
    projectId: [fixture.projectId],
    problemId: [fixture.problemId],
    patternId: fixture.patternIds,
    modelId: [fixture.modelVersionId],
    runId: [run.id],
    tokenId: [token.id],
    userId: [other.id],
    inviteId: [invite.id],
  });
  await installWriteCounter();
});

afterAll(async () => {
  await removeWriteCounter().catch(() => undefined);
  await client.end();
  await server?.close();
  await db.$disconnect();
});

async function userTables(): Promise<string[]> {
  const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
  return rows.map((r) => r.tablename).filter((t) => !UNTRACKED_TABLES.includes(t));
}

async function installWriteCounter() {
  await client.query(`
    CREATE SCHEMA IF NOT EXISTS fuzz;
    CREATE TABLE IF NOT EXISTS fuzz.writes (n bigint NOT NULL);
    INSERT INTO fuzz.writes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM fuzz.writes);
    CREATE OR REPLACE FUNCTION fuzz.count_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN UPDATE fuzz.writes SET n = n + 1; RETURN NULL; END $$;`);
  for (const table of await userTables()) {
    await client.query(`CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION fuzz.count_write()`);
  }
}

async function removeWriteCounter() {
  for (const table of await userTables()) await client.query(`DROP TRIGGER IF EXISTS fuzz_count_write ON "${table}"`);
  await client.query("DROP SCHEMA IF EXISTS fuzz CASCADE");
}

const writes = async () => Number((await client.query<{ n: string }>("SELECT n FROM fuzz.writes")).rows[0]!.n);

type Operation = { method: string; path: string; op: OpenApiOperation; handler: (request: Request, context: RouteContext) => Promise<Response> };

function operations(): Operation[] {
  const doc = getOpenApiDocument();
  const handlers = new Map<string, ApiRouteHandler>(apiManifest().map((e) => [`${e.method} ${e.path}`, e.handler]));
  handlers.set("GET /api/v1/openapi.json", getOpenApi);
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const handler = handlers.get(`${method.toUpperCase()} ${path}`);
      if (!handler) throw new Error(`no handler for ${method.toUpperCase()} ${path}`);
      return { method: method.toUpperCase(), path, op, handler };
    }),
  );
}

/** The import file format (README "Import and export"): a valid row for the fixture's problem RP-1. */
const IMPORT_HEADER = ["problem", "name", "purpose", "origin", "input", "input_kind", "expect_kind", "expect_value", "notes"];
const IMPORT_ROW = ["RP-1", "Imported", "case", "production", '{"text":"good"}', "json", "equals", "positive", ""];
const IMPORT_JSONL_SCHEMA = {
  type: "object",
  required: ["problem", "name", "purpose", "origin", "inputKind", "input", "expectation"],
  properties: {
    problem: { const: "RP-1" },
    name: { type: "string", maxLength: 50 },
    purpose: { enum: ["case", "control"] },
    origin: { enum: ["production", "contrived"] },
    inputKind: { enum: ["json", "text"] },
    input: { type: "object", properties: { text: { type: "string" } } },
    expectation: { type: "object", required: ["kind", "value"], properties: { kind: { const: "equals" }, value: { enum: ["positive", "negative"] } } },
  },
};

type Case = { params: Record<string, string>; query: [string, string][]; body: { contentType: string | null; text: string } | null };

const junkId = fc.oneof(hostileString.filter((s) => s.length < 5_000), fc.stringMatching(/^[a-z0-9]{25}$/));

function caseFor(op: Operation, components: Components): fc.Arbitrary<Case> {
  const pathParams = op.op.parameters.filter((p) => p.in === "path");
  const queryParams = op.op.parameters.filter((p) => p.in === "query");
  const params = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, ids[p.name]?.length ? fc.oneof({ arbitrary: fc.constantFrom(...ids[p.name]!), weight: 4 }, { arbitrary: junkId, weight: 1 }) : junkId])),
  ) as fc.Arbitrary<Record<string, string>>;
  const queryValue = (schema: Record<string, unknown>) =>
    fc.oneof(
      { arbitrary: fromSchema(schema, components, { hostility: 0 }).map((v) => (typeof v === "string" ? v : JSON.stringify(v) ?? "")), weight: 3 },
      { arbitrary: hostileString.filter((s) => s.length < 20_000), weight: 1 },
    );
  const query = fc
    .tuple(
      fc.tuple(...queryParams.map((p) => fc.option(queryValue(p.schema).map((v) => [p.name, v] as [string, string]), { freq: 3 }))),
      fc.array(fc.tuple(hostileString.filter((s) => s.length < 100), hostileString.filter((s) => s.length < 1_000)), { maxLength: 2 }),
    )
    .map(([known, extra]) => [...known.filter((q): q is [string, string] => q !== null), ...extra]);
  const jsonSchema = op.op.requestBody?.content["application/json"]?.schema;
  const json = (value: unknown) => ({ contentType: "application/json", text: JSON.stringify(value) ?? "null" });
  const bodies: fc.Arbitrary<Case["body"]>[] = [
    fc.constant(null),
    hostileValue.map(json),
    fc.tuple(fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "text/csv", "application/x-ndjson", "image/png", "multipart/form-data; boundary=x", null), hostileString).map(([contentType, text]) => ({ contentType, text })),
    fc.constantFrom('{"a":', "[".repeat(100_000), deepJsonText(5_000), deepJsonText(65), '{"a":"\\u0000"}', '{"a":"\\ud800"}', "\ufeff{}", "{}".repeat(10)).map((text) => ({ contentType: "application/json", text })),
    // CSV and JSONL files (the import route reads raw bodies): mostly valid rows, with NUL, quotes, huge or wrong cells.
    fc.array(fc.tuple(...IMPORT_ROW.map((cell) => fc.oneof({ arbitrary: fc.constant(cell), weight: 6 }, { arbitrary: hostileString.filter((s) => s.length < 2_000), weight: 1 }))), { minLength: 1, maxLength: 4 }).map((rows) => ({
      contentType: "text/csv",
      text: [IMPORT_HEADER.join(","), ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(","))].join("\n"),
    })),
    fc.array(fromSchema(IMPORT_JSONL_SCHEMA, components), { minLength: 1, maxLength: 3 }).map((rows) => ({ contentType: "application/x-ndjson", text: rows.map((r) => JSON.stringify(r)).join("\n") })),
  ];
  const shaped = jsonSchema ? [fromSchema(jsonSchema, components).map(json), fromSchema(jsonSchema, components, { hostility: 0.05 }).map(json)] : [];
  const body = fc.oneof(...[...shaped, ...shaped, ...bodies]);
  // Next hands routes decoded, well-formed params (a URL cannot carry a lone surrogate); GET cannot have a body.
  const wellFormedParams = params.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.toWellFormed()])));
  const bodyFor = op.method === "GET" ? fc.constant(null) : op.method === "DELETE" ? fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: body, weight: 1 }) : body;
  return fc.record({ params: wellFormedParams, query, body: bodyFor });
}

async function call(op: Operation, c: Case) {
  const url = new URL(`${ORIGIN}${op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(c.params[name] ?? ""))}`);
  for (const [k, v] of c.query) url.searchParams.append(k, v);
  const headers = new Headers({ cookie: admin.cookie, origin: ORIGIN });
  if (c.body?.contentType) headers.set("content-type", c.body.contentType);
  const request = new Request(url, { method: op.method, headers, body: c.body ? c.body.text : undefined });
  const response = await op.handler(request, { params: Promise.resolve(c.params) });
  const text = await response.text();
  return { status: response.status, text };
}

const describeCase = (c: Case) => JSON.stringify(c, (_k, v: unknown) => (typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}… (${v.length} chars)` : v));

const histogram: string[] = [];
afterAll(() => console.log(`[fuzz] statuses per operation\n${histogram.join("\n")}`));

describe("fuzz: every operation of the OpenAPI document", () => {
  const components = getOpenApiDocument().components.schemas as Components;
  for (const op of operations()) {
    it(`${op.method} ${op.path}: no 5xx, and nothing written when it answers 4xx (${RUNS_PER_OPERATION} cases)`, async () => {
      const statuses = new Map<number, number>();
      let lastWrites: number | undefined;
      await fc.assert(
        fc.asyncProperty(caseFor(op, components), async (c) => {
          // Only these calls write (no worker runs here), so the count after one call is the count before the next.
          const before = lastWrites ?? (await writes());
          const res = await call(op, c);
          lastWrites = await writes();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) throw new Error(`${op.method} ${op.path} answered ${res.status}: ${res.text.slice(0, 500)}\ncase: ${describeCase(c)}`);
          if (res.status >= 400) {
            const written = lastWrites - before;
            if (written !== 0) throw new Error(`${op.method} ${op.path} answered ${res.status} but wrote ${written} rows: ${res.text.slice(0, 300)}\ncase: ${describeCase(c)}`);
            const body = JSON.parse(res.text) as { error?: { code?: unknown; message?: unknown } };
            if (typeof body.error?.code !== "string" || typeof body.error.message !== "string") throw new Error(`${res.status} without the error shape: ${res.text.slice(0, 300)}`);
          }
        }),
        { numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
      histogram.push(`${op.method} ${op.path}: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ")}`);
    });
  }
});
