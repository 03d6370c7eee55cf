// npm run bench:idle — what an idle Ratchet costs. Starts `npm start` exactly as
// a user would (web + worker, embedded database, demo project) in a scratch data
// directory, waits until it serves, the worker is ready, the demo's replays are
// done and its sign-offs written, lets it settle, then reads utime + stime
// (/proc/<pid>/stat) of every process of its process group over the window and
// prints each one's share of one core and the total; then requests a replay and
// reports how soon the idle worker starts it. Stops the instance and
// removes the scratch directory at the end, also when the run fails.
//   --duration S   measuring window in seconds (default 60)
//   --settle S     quiet time before measuring (default 100: a worker keeps its busy pace for 90 s after its last work)
//   BENCH_PORT     web port (default 3570); the embedded database uses BENCH_PORT + 1
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { embeddedDatabaseUrl, groupAlive, killGroups, spawnRatchet, waitFor, waitUntilReady, withDatabase } from "./testing/ratchet-instance";

const { values } = parseArgs({ options: { duration: { type: "string", default: "60" }, settle: { type: "string", default: "100" } } });
const durationS = Number(values.duration);
const settleS = Number(values.settle);
if (!(durationS >= 5) || !(settleS >= 0)) {
  console.error("--duration must be ≥ 5 and --settle ≥ 0 (seconds)");
  process.exit(2);
}
const webPort = Number(process.env.BENCH_PORT ?? 3570);
const dbPort = webPort + 1;
const CLOCK_TICKS = 100; // USER_HZ: 100 on every Linux this runs on
const log = (message: string) => console.log(`[bench:idle] ${message}`);

type Sample = { pid: number; label: string; ticks: number };

/** utime + stime (clock ticks) of every live process whose process group is `pgid`. */
function sampleGroup(pgid: number): Map<number, Sample> {
  const samples = new Map<number, Sample>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    let cmdline: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
    } catch {
      continue; // gone meanwhile
    }
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue; // field 5: pgrp
    const ticks = Number(fields[11]) + Number(fields[12]); // fields 14, 15: utime, stime
    samples.set(Number(entry), { pid: Number(entry), label: describe(cmdline), ticks });
  }
  return samples;
}

function describe(cmdline: string): string {
  if (cmdline.includes("serve-next.mjs")) return "web (next start)";
  if (cmdline.includes("scripts/worker.ts")) return "worker";
  if (cmdline.includes("scripts/start.ts")) return "npm start (embedded database)";
  if (cmdline.includes("seed-demo-signoffs")) return "demo sign-offs";
  if (/\bnpm\b/.test(cmdline)) return "npm";
  return cmdline.slice(0, 60);
}

const dataDir = mkdtempSync(path.join(tmpdir(), "ratchet-bench-idle-"));
const instance = spawnRatchet({ dataDir, webPort, dbPort });
const pgid = instance.child.pid!;
const cleanUp = () => {
  killGroups([instance]);
  rmSync(dataDir, { recursive: true, force: true });
};
process.on("SIGINT", () => {
  cleanUp();
  process.exit(130);
});

try {
  log(`npm start in ${dataDir} (web :${webPort}, embedded database :${dbPort}); a build first if the sources changed …`);
  await waitUntilReady(instance, webPort);
  log("serving, worker ready; waiting for the demo's replays and sign-offs …");
  await waitFor(
    "the demo's replays to finish",
    () => withDatabase(dataDir, dbPort, async (db) => (await db.query(`SELECT count(*)::int AS n FROM replay_runs WHERE status IN ('queued', 'running')`)).rows[0].n === 0),
    15 * 60_000,
    instance,
  );
  await waitFor("the demo's sign-offs", async () => instance.output().includes("demo sign-offs") || ![...sampleGroup(pgid).values()].some((s) => s.label === "demo sign-offs"), 120_000, instance);
  log(`idle; settling ${settleS} s, then measuring ${durationS} s …`);
  await new Promise((resolve) => setTimeout(resolve, settleS * 1000));

  const before = sampleGroup(pgid);
  const startedAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, durationS * 1000));
  const after = sampleGroup(pgid);
  const seconds = (performance.now() - startedAt) / 1000;
  if (instance.child.exitCode !== null) throw new Error(`npm start exited during the measurement:\n${instance.output().slice(-3000)}`);

  const rows = [...after.values()]
    .map((s) => ({ ...s, percent: ((s.ticks - (before.get(s.pid)?.ticks ?? 0)) / CLOCK_TICKS / seconds) * 100, new: !before.has(s.pid) }))
    .sort((a, b) => b.percent - a.percent);
  const total = rows.reduce((sum, r) => sum + r.percent, 0);
  console.log(`\nidle CPU over ${seconds.toFixed(1)} s (utime + stime from /proc/<pid>/stat, % of one core); load average ${loadavg().map((l) => l.toFixed(2)).join(", ")}`);
  for (const r of rows) console.log(`  ${r.label.padEnd(32)} pid ${String(r.pid).padEnd(8)} ${r.percent.toFixed(2).padStart(6)} %${r.new ? "  (started during the window)" : ""}`);
  console.log(`  ${"total".padEnd(45)} ${total.toFixed(2).padStart(6)} %`);

  // How fast an idle instance answers work: a replay requested now (as the API does it) is dispatched and started by the NOTIFYs, not a poll.
  process.env.DATABASE_URL = embeddedDatabaseUrl(dataDir, dbPort);
  const { prisma } = await import("../lib/db/prisma");
  const { requestReplay } = await import("../lib/replay/request-replay");
  const version = await prisma().modelVersion.findFirstOrThrow({ orderBy: { createdAt: "asc" }, select: { id: true, projectId: true } });
  const requested = performance.now();
  const run = await prisma().$transaction((tx) => requestReplay(tx, { projectId: version.projectId, modelVersionId: version.id, trigger: "manual" }));
  const committed = performance.now();
  const started = await waitFor("the replay to start", async () => {
    const row = await prisma().replayRun.findUniqueOrThrow({ where: { id: run.id }, select: { startedAt: true } });
    return row.startedAt ? performance.now() : undefined;
  }, 60_000, instance);
  console.log(`a replay requested while idle (${run.total} patterns): its first batch started ${((started - committed) / 1000).toFixed(2)} s after the request committed (±0.2 s polling here; request ${((committed - requested) / 1000).toFixed(2)} s)`);
  await prisma().$disconnect();
} finally {
  if (groupAlive(pgid)) {
    process.kill(-pgid, "SIGTERM");
    await Promise.race([instance.exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  }
  cleanUp();
}
