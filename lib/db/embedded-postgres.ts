import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { ensureSecretFile } from "./ensure-secret";
import { lockDataDirectory } from "./lock-data-directory";
import { startPgliteWireServer } from "./pglite-wire-server";

// The zero-setup database: PGlite (PostgreSQL compiled to WebAssembly) with its
// files in a local folder, served over the Postgres wire protocol (our own
// server, lib/db/pglite-wire-server.ts) so the app, the migration runner and the
// job queue talk to it exactly as to a real server. The folder is locked for
// this process (lock-data-directory.ts), and the server asks every client for
// the password kept in `<dataDir>/db-password` (0600): other local users can
// reach a loopback port, not the files. The port is kept in `<dataDir>/db-port`
// while it serves, so `npm run backup` can read a running instance through it
// (only one process may open PGlite's files).

/** Beside the data: the running wire server's port (removed at stop; left behind by a crash). */
export const EMBEDDED_DB_PORT_FILE = "db-port";

export type EmbeddedPostgres = { url: string; dataDir: string; stop(): Promise<void> };

export async function startEmbeddedPostgres(options: { dataDir: string; port?: number }): Promise<EmbeddedPostgres> {
  const lock = await lockDataDirectory(options.dataDir);
  try {
    const dataDir = path.resolve(options.dataDir, "pgdata");
    await mkdir(dataDir, { recursive: true });
    const password = await ensureSecretFile(path.resolve(options.dataDir, "db-password"));
    const db = await PGlite.create({ dataDir });
    const server = await startPgliteWireServer(db, { host: "127.0.0.1", port: options.port ?? 0, password });
    const portFile = path.resolve(options.dataDir, EMBEDDED_DB_PORT_FILE);
    await writeFile(portFile, String(server.port), { mode: 0o600 });
    let stopped: Promise<void> | undefined;
    return {
      url: `postgresql://postgres:${password}@127.0.0.1:${server.port}/postgres?sslmode=disable`,
      dataDir,
      stop() {
        stopped ??= (async () => {
          try {
            await rm(portFile, { force: true });
            await server.stop();
            await db.close();
          } finally {
            await lock.release();
          }
        })();
        return stopped;
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
