import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, DriverAdapterError } from "@prisma/driver-adapter-utils";

// Prisma's schema engine compiled to WebAssembly: migrations without the
// native binary the CLI would download (see AIRGAP.md for every quirk here).

const require = createRequire(import.meta.url);
const LOCKFILE = { path: "migration_lock.toml", content: 'provider = "postgresql"\n' };
const NO_FILTERS = { externalTables: [], externalEnums: [] };

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");

type MigrationDirectory = {
  path: string;
  migrationFile: { path: string; content: { tag: "ok"; value: string } };
};

type SchemaEngine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout?: string }>;
  free(): void;
};

type EngineModule = {
  SchemaEngine: {
    new: (options: unknown, log: (message: string) => void, adapter: unknown) => Promise<SchemaEngine>;
  };
};

let enginePromise: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      throw new Error(`Prisma schema engine panicked: ${message}`);
    },
  };
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = (await import(bgPath)) as EngineModule & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const bytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

/** A pg Client that reports pg_catalog's one-byte "char" columns as text, which adapter-pg cannot decode. */
class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const fix = (result: pg.QueryResult | undefined) => {
      for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, result: pg.QueryResult) => last(err, fix(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const first = args[0] as { callback?: (err: Error | null, r: pg.QueryResult) => void } | undefined;
    if (first && typeof first === "object" && typeof first.callback === "function") {
      const cb = first.callback;
      first.callback = (err, result) => cb(err, fix(result) as pg.QueryResult);
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const ret = (super.query as (...a: unknown[]) => unknown)(...args);
    return ret instanceof Promise ? ret.then(fix) : ret;
  }
}

export async function readSchema(): Promise<string> {
  return readFile(SCHEMA_PATH, "utf8");
}

export async function readMigrationDirectories(dir = MIGRATIONS_DIR): Promise<MigrationDirectory[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    folders.map(async (folder) => ({
      path: folder,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(dir, folder, "migration.sql"), "utf8") },
      },
    })),
  );
}

function migrationsList(baseDir: string, migrationDirectories: MigrationDirectory[]) {
  return { baseDir, lockfile: LOCKFILE, shadowDbInitScript: "", migrationDirectories };
}

/**
 * PrismaPg runs a migration script split at every ";", which cuts function bodies
 * ($$ … ; … $$, e.g. trigger functions) apart. PostgreSQL's simple query protocol
 * runs a whole script in one message, as psql does: send it whole.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    return runScriptsWhole(await super.connect());
  }

  override async connectToShadowDb() {
    return runScriptsWhole(await super.connectToShadowDb());
  }
}

type ScriptAdapter = { executeScript(script: string): Promise<void> };

function runScriptsWhole<A extends ScriptAdapter>(adapter: A): A {
  // The adapter's own pool (PgQueryable#client): the connected or the shadow database.
  const client = (adapter as unknown as { client: pg.Pool }).client;
  adapter.executeScript = async (script: string) => {
    try {
      await client.query(script);
    } catch (error) {
      const e = error as pg.DatabaseError;
      throw new DriverAdapterError({ kind: "postgres", code: e.code ?? "N/A", severity: e.severity ?? "N/A", message: e.message, detail: e.detail, column: e.column, hint: e.hint });
    }
  };
  return adapter;
}

/** Opens the engine on a database; `connectionString` undefined means schema-only work. */
export async function withSchemaEngine<T>(
  connectionString: string | undefined,
  work: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  enginePromise ??= loadEngineModule();
  const { SchemaEngine } = await enginePromise;
  const schema = await readSchema();
  const pool = new pg.Pool({ connectionString: connectionString ?? "postgresql://unused@127.0.0.1:1/unused", Client: CharAsTextClient, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPrismaPg(pool));
  const logs: string[] = [];
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, (m) => logs.push(m), adapter);
  try {
    return await work(engine, schema);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}${logs.length ? `\n${logs.slice(-5).join("\n")}` : ""}`, { cause: error });
  } finally {
    engine.free();
    await pool.end();
  }
}

/** Applies every folder of prisma/migrations not yet recorded in _prisma_migrations. */
export async function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const directories = await readMigrationDirectories(dir);
  return withSchemaEngine(connectionString, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(dir, directories), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database at the end of the existing migrations to schema.prisma.
 * The engine replays the migrations on the connected database, so give it a scratch one.
 */
export async function diffMigrationsToSchema(scratchConnectionString: string, dir = MIGRATIONS_DIR): Promise<string> {
  const directories = await readMigrationDirectories(dir);
  return withSchemaEngine(scratchConnectionString, async (engine, schema) => {
    const from = directories.length === 0 ? { tag: "empty" } : { tag: "migrations", ...migrationsList(dir, directories) };
    const out = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return out.stdout ?? "";
  });
}

/** SQL that would take the connected database to schema.prisma; empty when they match (drift check). */
export async function diffDatabaseToSchema(connectionString: string): Promise<string> {
  return withSchemaEngine(connectionString, async (engine, schema) => {
    const out = await engine.diff({
      from: { tag: "schemaDatasource", files: [{ path: SCHEMA_PATH, content: schema }], configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return out.stdout ?? "";
  });
}
