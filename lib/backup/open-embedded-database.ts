import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_DB_PORT_FILE, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

export type OpenedEmbeddedDatabase = { url: string; running: boolean; close(): Promise<void> };

/**
 * The embedded database of `dataDir` for a backup or restore. Only one process
 * may open PGlite's files, so when an instance runs (its wire server's port in
 * `<dataDir>/db-port` answers to the password in `<dataDir>/db-password`) its
 * server is used, if `useRunning`; otherwise the files are opened here, taking the
 * data directory's lock (a running instance makes that fail at once, naming it).
 */
export async function openEmbeddedDatabase(dataDir: string, options: { useRunning: boolean }): Promise<OpenedEmbeddedDatabase> {
  const running = await findRunningServer(dataDir);
  if (running && options.useRunning) return { url: running, running: true, close: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dataDir });
  return { url: embedded.url, running: false, close: () => embedded.stop() };
}

async function findRunningServer(dataDir: string): Promise<string | null> {
  const [port, password] = await Promise.all(
    [EMBEDDED_DB_PORT_FILE, "db-password"].map((name) => readFile(path.join(dataDir, name), "utf8").then((text) => text.trim(), () => null)),
  );
  if (!port || !password) return null;
  const url = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`;
  // A file left by a crashed instance names a port nobody (or someone else) serves now.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
