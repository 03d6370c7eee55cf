// The server Playwright starts: `npm start` on a fresh database with the demo —
// a new database beside DATABASE_URL when it is set, else a new embedded one.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createScratchDatabase, dropScratchDatabase } from "../lib/db/scratch-database";

const serverUrl = process.env.DATABASE_URL;
const databaseUrl = serverUrl ? await createScratchDatabase(serverUrl, "ratchet_e2e") : undefined;
const dataDir = serverUrl ? undefined : await mkdtemp(path.join(os.tmpdir(), "ratchet-e2e-"));

const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { RATCHET_DATA_DIR: dataDir }),
    RATCHET_DEMO: "1",
  },
});

async function cleanUp() {
  if (serverUrl && databaseUrl) await dropScratchDatabase(serverUrl, databaseUrl).catch(() => undefined);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => void cleanUp().then(() => process.exit(code ?? 0)));
