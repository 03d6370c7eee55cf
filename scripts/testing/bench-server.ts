import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The production server for the benches (bench:scale, bench:load): `npm start`'s
// script (next build when the sources changed, then next start + the worker) on
// a port of their own, logging to a file.

/** p-th percentile of ascending `sorted` (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * scripts/start.ts on `port` against `databaseUrl` (none: its embedded database
 * in `env.RATCHET_DATA_DIR`). The server logs as in production (an access line
 * per request, at info), but to a file: on the console its lines buried the figures.
 */
export function startBenchServer(options: { name: string; port: number; databaseUrl?: string; env?: Record<string, string> }): ChildProcess {
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), `ratchet-${options.name}-`)), "server.log");
  const out = openSync(logFile, "a");
  console.log(`[${options.name}] server log: ${logFile}`);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port), RATCHET_HOST: "127.0.0.1", RATCHET_DEMO: "0", ...options.env };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  return spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], { stdio: ["ignore", out, out], env });
}

/** Waits for /api/health (a cold `next build` on a busy machine may come first). */
export async function waitForBenchServer(child: ChildProcess, baseUrl: string): Promise<void> {
  const deadline = Date.now() + 40 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} (see the server log above)`);
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not answer in time");
}

export async function stopBenchServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
}
