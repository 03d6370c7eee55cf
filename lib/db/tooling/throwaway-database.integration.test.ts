import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createThrowawayDatabase } from "./throwaway-database";

// Tests, the e2e server and benches create throwaway databases on a shared
// server; every way their process can end must leave none behind.
const onPostgres = inject("databaseKind") === "postgresql";
const serverUrl = inject("databaseUrl");
let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
});
afterAll(async () => admin.end());

async function exists(name: string): Promise<boolean> {
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return rowCount === 1;
}

/** Starts hold-throwaway-database.ts and resolves once its database exists. */
function hold(how: "exit" | "throw" | "wait") {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "testing/hold-throwaway-database.ts"), how], {
    env: { ...process.env, DATABASE_URL: serverUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  const created = new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const name = /database (\S+)/.exec(out)?.[1];
      if (name) resolve(name);
    });
    child.once("exit", () => reject(new Error(`exited before creating a database: ${out}`)));
  });
  return { child, created, exited };
}

describe.skipIf(!onPostgres)("a throwaway database", () => {
  it("is dropped by drop(), and drop() may run twice", async () => {
    const database = await createThrowawayDatabase("ratchet_drop", { serverUrl, migrate: false });
    expect(await exists(database.name)).toBe(true);
    await database.drop();
    await database.drop();
    expect(await exists(database.name)).toBe(false);
  });

  it("is migrated unless asked not to be", async () => {
    const database = await createThrowawayDatabase("ratchet_migrated", { serverUrl });
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations");
      await client.end();
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await database.drop();
    }
  });

  it.each(["exit", "throw"] as const)("is dropped when its process ends by %s without dropping it", async (how) => {
    const { created, exited } = hold(how);
    const name = await created;
    expect(await exited).not.toBe(0);
    expect(await exists(name)).toBe(false);
  });

  it.each(["SIGTERM", "SIGINT"] as const)("is dropped when its process gets %s", async (signal) => {
    const { child, created, exited } = hold("wait");
    const name = await created;
    expect(await exists(name)).toBe(true);
    child.kill(signal);
    expect(await exited).toBe(signal);
    expect(await exists(name)).toBe(false);
  });

  it("left by a SIGKILLed process is dropped by the next one created on this host", async () => {
    const { child, created, exited } = hold("wait");
    const name = await created;
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(await exists(name)).toBe(true);
    const next = await createThrowawayDatabase("ratchet_next", { serverUrl, migrate: false });
    await next.drop();
    expect(await exists(name)).toBe(false);
  });
});
