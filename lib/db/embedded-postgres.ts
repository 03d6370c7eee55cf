import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { startPgliteWireServer } from "./pglite-wire-server";

// The zero-setup database: PGlite (PostgreSQL compiled to WebAssembly) with its
// files in a local folder, served over the Postgres wire protocol (our own
// server, lib/db/pglite-wire-server.ts) so the app, the migration runner and the
// job queue talk to it exactly as to a real server.

export type EmbeddedPostgres = { url: string; dataDir: string; stop(): Promise<void> };

export async function startEmbeddedPostgres(options: { dataDir: string; port?: number }): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir, "pgdata");
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  const server = await startPgliteWireServer(db, { host: "127.0.0.1", port: options.port ?? 0 });
  const port = server.port;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    dataDir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
