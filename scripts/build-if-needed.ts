// `next build` when the app's sources changed since the last build (mtime+size
// fingerprint kept in .next/), for npm start and the tests that spawn it.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const STAMP_PATH = path.join(".next", "ratchet-build-fingerprint");

/** Builds when needed; resolves with the build's exit status (0 when up to date). */
export async function buildIfNeeded(options: { log: (message: string) => void; onSpawn?: (build: ChildProcess) => void }): Promise<number> {
  const fingerprint = await sourceFingerprint();
  const previous = await readFile(STAMP_PATH, "utf8").catch(() => "");
  const hasBuild = await stat(path.join(".next", "BUILD_ID")).then(() => true, () => false);
  if (hasBuild && previous === fingerprint) {
    options.log("build: up to date");
    return 0;
  }
  options.log("build: sources changed since the last build, running next build …");
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  // Not spawnSync: a stop signal must be handled while the build runs.
  const build = spawn(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  options.onSpawn?.(build);
  const status = await new Promise<number>((resolve) => build.once("exit", (code) => resolve(code ?? 1)));
  if (status === 0) await writeFile(STAMP_PATH, fingerprint);
  return status;
}

/** After a plain `next build` (npm run build, the container image): records the sources it built, so npm start does not build again. */
export async function recordBuildFingerprint(): Promise<void> {
  await writeFile(STAMP_PATH, await sourceFingerprint());
}

async function sourceFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  const roots = ["app", "components", "lib", "public"];
  const files = ["next.config.ts", "proxy.ts", "instrumentation-client.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!/\.test\.tsx?$/.test(entry.name)) files.push(full);
    }
  }
  for (const root of roots) await walk(root);
  for (const file of files) {
    const s = await stat(file).catch(() => undefined);
    if (s) hash.update(`${file}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest("hex");
}
