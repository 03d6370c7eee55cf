// The server Playwright starts: `npm start` on a fresh database with the demo —
// a throwaway database beside DATABASE_URL when it is set, else an embedded one
// served from this process. Playwright stops it with SIGTERM
// (playwright.config.ts: gracefulShutdown); the database is dropped then, and
// also if this process ends any other way (lib/db/tooling/throwaway-database.ts).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createThrowawayDatabase } from "../lib/db/tooling/throwaway-database";

// scripts/start.ts applies the migrations itself, as it does in production.
const database = await createThrowawayDatabase("ratchet_e2e", { migrate: false });
// Its own secret and demo credentials, never the developer's .ratchet/.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "ratchet-e2e-data-"));
process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));

const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url, RATCHET_DATA_DIR: dataDir, RATCHET_DEMO: "1" },
});

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  void database.drop().then(
    () => process.exit(code ?? (signal ? 1 : 0)),
    (error: unknown) => {
      console.error("[e2e-server] could not drop the database", error);
      process.exit(1);
    },
  );
});
