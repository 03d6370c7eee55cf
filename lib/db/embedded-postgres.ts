import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The zero-setup database: PGlite (PostgreSQL compiled to WebAssembly) with its
// files in a local folder, served over the Postgres wire protocol so the app,
// the migration runner and the job queue talk to it exactly as to a real server.

export type EmbeddedPostgres = { url: string; dataDir: string; stop(): Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startEmbeddedPostgres(options: { dataDir: string; port?: number }): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir, "pgdata");
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  const port = options.port || (await freePort());
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 100 });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    dataDir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
