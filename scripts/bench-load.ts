// npm run bench:load — Ratchet under load: N signed-in users (default 50) click
// through the dashboard, problem pages, the compare page and API reads for S
// seconds (default 60) while replays of 10,000 patterns run back to back against
// a local model server (loopback), on the production server (`npm start`'s
// script: next build when needed + next start + the worker). Reports every
// request's errors and p50/p95/p99 per route, and the replays' throughput under
// load against the same replay with no users (run first, on the production version).
//   DATABASE_URL set: a throwaway database beside it (PostgreSQL).
//   --embedded:        npm start's own embedded database (PGlite) instead.
//   --users N          simulated users (default 50), each with its own session.
//   --duration S       seconds of load (default 60).
//   --think MIN-MAX    pause between one user's requests, uniform in [MIN, MAX] ms (default 1000-5000, a person
//                      reading a page between clicks, as in Locust's `between(1, 5)`; 0-2000 is a stress at about
//                      three times that rate; 0: back to back).
//   --patterns N       patterns replayed (default 10000), over 200 problems.
//   BENCH_PORT         web port (default 3520; the embedded database uses BENCH_PORT + 1).
// The users stop by themselves after --duration; everything started is stopped
// and the scratch database dropped at the end, also when the run fails.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../lib/db/tooling/throwaway-database";
import { percentile, startBenchServer, stopBenchServer, waitForBenchServer } from "./testing/bench-server";
import { embeddedDatabaseUrl, signIn } from "./testing/ratchet-instance";

const { values } = parseArgs({
  options: {
    embedded: { type: "boolean", default: false },
    users: { type: "string", default: "50" },
    duration: { type: "string", default: "60" },
    think: { type: "string", default: "1000-5000" },
    patterns: { type: "string", default: "10000" },
  },
});
const positive = (name: string, value: string | undefined, min: number) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) {
    console.error(`--${name} must be a number ≥ ${min}`);
    process.exit(2);
  }
  return n;
};
const USERS = Math.floor(positive("users", values.users, 1));
const DURATION_S = positive("duration", values.duration, 1);
const [THINK_MIN_MS, THINK_MAX_MS] = (() => {
  const [min, max = min] = String(values.think).split("-");
  const range = [positive("think", min, 0), positive("think", max, 0)] as const;
  if (range[1] < range[0]) {
    console.error("--think MIN-MAX needs MIN ≤ MAX");
    process.exit(2);
  }
  return range;
})();
const THINK = THINK_MAX_MS ? `think time ${THINK_MIN_MS}–${THINK_MAX_MS} ms` : "no think time";
const PATTERNS = Math.floor(positive("patterns", values.patterns, 1));
const PROBLEMS = Math.min(200, PATTERNS);
const embedded = values.embedded || !process.env.DATABASE_URL;
const PORT = Number(process.env.BENCH_PORT ?? 3520);
const BASE = `http://127.0.0.1:${PORT}`;
const EMAIL = "load@example.com";
const PASSWORD = "bench-load-password-0123456789";
const log = (message: string) => console.log(`[bench:load] ${message}`);

// ── the model server, in a process of its own (not competing with the users' loop): an Open Inference endpoint ──
const modelServerSource = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const texts = JSON.parse(Buffer.concat(chunks).toString()).inputs[0].data;
    const labels = texts.map((t) => (t.includes("good") ? "positive" : "negative"));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ model_name: "label", outputs: [{ name: "label", shape: [labels.length], datatype: "BYTES", data: labels }] }));
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log("port " + server.address().port));`;
const modelServer = spawn(process.execPath, ["-e", modelServerSource], { stdio: ["ignore", "pipe", "inherit"] });
const modelPort = await new Promise<number>((resolve) => modelServer.stdout.on("data", (d: Buffer) => resolve(Number(/port (\d+)/.exec(d.toString())?.[1]))));

let database: ThrowawayDatabase | undefined;
let dataDir: string | undefined;
let server: ReturnType<typeof startBenchServer> | undefined;
const secret = "bench-load-secret-0123456789abcdefghijklmn";
try {
  let databaseUrl: string;
  if (embedded) {
    dataDir = mkdtempSync(path.join(tmpdir(), "ratchet-bench-load-"));
    server = startBenchServer({ name: "bench-load", port: PORT, env: { RATCHET_DATA_DIR: dataDir, RATCHET_EMBEDDED_DB_PORT: String(PORT + 1), RATCHET_SECRET: secret } });
    await waitForBenchServer(server, BASE);
    databaseUrl = embeddedDatabaseUrl(dataDir, PORT + 1);
  } else {
    database = await createThrowawayDatabase("ratchet_bench_load");
    databaseUrl = database.url;
    server = startBenchServer({ name: "bench-load", port: PORT, databaseUrl, env: { RATCHET_SECRET: secret } });
    await waitForBenchServer(server, BASE);
  }
  const kind = embedded ? "embedded PostgreSQL (PGlite, npm start's own)" : "PostgreSQL (throwaway database)";

  process.env.DATABASE_URL = databaseUrl;
  process.env.RATCHET_SECRET = secret;
  const { prisma } = await import("../lib/db/prisma");
  const { createAccount } = await import("../lib/users/create-account");
  const { requestReplay } = await import("../lib/replay/request-replay");
  const { hashJson } = await import("../lib/scoring/canonical-json");
  const db = prisma();

  // ── seed: PROBLEMS problems sharing PATTERNS patterns, a production and a candidate version on the model server ──
  log(`${kind}: seeding ${PROBLEMS} problems, ${PATTERNS} patterns …`);
  const project = await db.project.create({ data: { slug: "load", name: "Load bench", outputKind: "label", keyPrefix: "L", labels: ["positive", "negative"], nextProblemNumber: PROBLEMS + 1 } });
  const problemId = (n: number) => `lprb${String(n).padStart(21, "0")}`;
  await db.problem.createMany({
    data: Array.from({ length: PROBLEMS }, (_, i) => ({
      id: problemId(i + 1), projectId: project.id, number: i + 1, key: `L-${i + 1}`, title: `Problem ${i + 1}: ${["sarcasm", "negation", "emoji", "spanish"][i % 4]} reviews`,
      severity: (["critical", "high", "medium", "low"] as const)[i % 4]!, target: 0.1 + (i % 5) / 20,
    })),
  });
  for (let start = 0; start < PATTERNS; start += 2000) {
    const rows = Array.from({ length: Math.min(2000, PATTERNS - start) }, (_, k) => start + k);
    const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(21, "0")}`;
    // One in seven reviews reads "good" but is labelled negative: the model fails those, so the pages have failures to show.
    const text = (i: number) => `${i % 2 ? "bad" : "good"} review ${i}`;
    await db.pattern.createMany({ data: rows.map((i) => ({ id: id("lpat", i), projectId: project.id, problemId: problemId(1 + (i % PROBLEMS)), name: text(i), purpose: "case" as const, origin: "contrived" as const })) });
    await db.patternRevision.createMany({
      data: rows.map((i) => ({
        id: id("lrev", i), projectId: project.id, patternId: id("lpat", i), number: 1, inputKind: "json" as const, input: { text: text(i) }, inputHash: hashJson({ text: text(i) }),
        expectation: { kind: "equals", value: i % 2 || i % 7 === 0 ? "negative" : "positive" },
      })),
    });
  }
  await db.$executeRaw`UPDATE patterns SET current_revision_id = 'lrev' || substr(id, 5) WHERE project_id = ${project.id}`;
  const connector = { kind: "openinference", baseUrl: `http://127.0.0.1:${modelPort}`, model: "label", inputName: "text", outputName: "label", maxBatchSize: 32 };
  const version = (v: string, status: "production" | "candidate") =>
    db.modelVersion.create({ data: { projectId: project.id, name: "label", version: v, status, connectorKind: "openinference", connector, concurrency: 4 } });
  const production = await version("1.0", "production");
  const candidate = await version("1.1", "candidate");
  await db.$transaction((tx) => createAccount(tx, { name: "Load", email: EMAIL, password: PASSWORD }, "admin"), { timeout: 120_000 });

  const replay = async (modelVersionId: string) => {
    const started = performance.now();
    const run = await db.$transaction((tx) => requestReplay(tx, { projectId: project.id, modelVersionId, trigger: "manual" }), { timeout: 120_000 });
    return { run, started };
  };
  const progress = async (runId: string) => {
    const run = await db.replayRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true, passed: true, failed: true, errored: true, total: true } });
    return { ...run, finished: run.passed + run.failed + run.errored };
  };
  const waitForRun = async (runId: string) => {
    for (;;) {
      const p = await progress(runId);
      if (p.status !== "queued" && p.status !== "running") {
        if (p.finished !== p.total) throw new Error(`run ${runId} ended ${p.status} with ${p.finished}/${p.total} items`);
        return performance.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  // ── the same replay with no users (also the production results the pages compare against) ──
  log(`replay of ${PATTERNS} patterns with no users …`);
  const quiet = await replay(production.id);
  const quietSeconds = ((await waitForRun(quiet.run.id)) - quiet.started) / 1000;
  log(`  ${quietSeconds.toFixed(1)} s → ${(PATTERNS / quietSeconds).toFixed(0)} patterns/s`);
  // Planner statistics for the seeded tables, as autovacuum would have them on a live instance (CI's server runs
  // without autovacuum; with no statistics PostgreSQL takes every table for one row and re-aggregates per problem).
  await db.$executeRawUnsafe("ANALYZE");

  log(`signing in ${USERS} users …`);
  const cookies: string[] = [];
  for (let i = 0; i < USERS; i++) cookies.push(await signIn(BASE, EMAIL, PASSWORD));

  const routes: { name: string; url: () => string }[] = [
    { name: "page  dashboard /projects/load", url: () => `/projects/load` },
    { name: "page  problem /projects/load/problems/L-{n}", url: () => `/projects/load/problems/L-${1 + Math.floor(Math.random() * PROBLEMS)}` },
    { name: "page  problems /projects/load/problems", url: () => `/projects/load/problems` },
    { name: "page  compare /projects/load/models/{id}/compare", url: () => `/projects/load/models/${candidate.id}/compare` },
    { name: "API   GET /api/v1/projects/{id}/error-rates", url: () => `/api/v1/projects/${project.id}/error-rates` },
    { name: "API   GET /api/v1/projects/{id}/problems", url: () => `/api/v1/projects/${project.id}/problems` },
    { name: "API   GET /api/v1/models/{id}/compare", url: () => `/api/v1/models/${candidate.id}/compare` },
    { name: "API   GET /api/v1/problems/{id}", url: () => `/api/v1/problems/${problemId(1 + Math.floor(Math.random() * PROBLEMS))}` },
  ];
  // Warm-up: every route compiled, JIT-warm and its connections open in every web process before the clock starts
  // (new connections, so the kernel spreads them over the processes; a just-started process renders a page 2–3 × slower).
  for (let round = 0; round < 10; round++) {
    for (const route of routes) {
      const response = await fetch(`${BASE}${route.url()}`, { headers: { cookie: cookies[round % cookies.length]!, origin: BASE, connection: "close" } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${route.name} answered ${response.status} before the load`);
    }
  }

  // ── the load, while replays run ──
  log(`${USERS} users for ${DURATION_S} s (${THINK}) while replays of the same patterns run back to back on candidate versions …`);
  // Replays run back to back for the whole load, each on a new candidate version (the pages compare the first one),
  // so the users always share the machine with one. Each is watched while the users run, so it is timed to its end.
  const deadline = performance.now() + DURATION_S * 1000;
  const replaysUnderLoad: { seconds: number; endedInLoad: boolean }[] = [];
  let replaying: { runId: string; started: number } | undefined;
  const replayChain = (async () => {
    for (let n = 1, modelVersion = candidate; ; n++) {
      const { run, started } = await replay(modelVersion.id);
      replaying = { runId: run.id, started };
      const doneAt = await waitForRun(run.id);
      replaysUnderLoad.push({ seconds: (doneAt - started) / 1000, endedInLoad: doneAt <= deadline });
      if (performance.now() >= deadline) return;
      modelVersion = await version(`1.1.${n}`, "candidate");
    }
  })();
  replayChain.catch(() => {}); // awaited (and thrown) after the load
  const times = new Map<string, number[]>(routes.map((r) => [r.name, []]));
  const errors = new Map<string, number>(routes.map((r) => [r.name, 0]));
  const errorSamples: string[] = [];
  const loadStarted = performance.now();
  await Promise.all(
    cookies.map(async (cookie, user) => {
      // Users arrive spread over one think time, not all in the same millisecond.
      if (THINK_MAX_MS) await new Promise((resolve) => setTimeout(resolve, Math.random() * THINK_MAX_MS));
      for (let i = user; performance.now() < deadline; i++) {
        const route = routes[i % routes.length]!;
        const url = `${BASE}${route.url()}`;
        const started = performance.now();
        try {
          const response = await fetch(url, { headers: { cookie, origin: BASE }, signal: AbortSignal.timeout(60_000) });
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`${response.status}`);
          times.get(route.name)!.push(performance.now() - started);
        } catch (error) {
          errors.set(route.name, errors.get(route.name)! + 1);
          if (errorSamples.length < 5) errorSamples.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (THINK_MAX_MS) await new Promise((resolve) => setTimeout(resolve, THINK_MIN_MS + Math.random() * (THINK_MAX_MS - THINK_MIN_MS)));
      }
    }),
  );
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const load = loadavg();
  const partial = replaying ? await progress(replaying.runId) : undefined;
  const partialAt = performance.now();
  await replayChain;
  // ── report ──
  console.log(`\n${kind}; ${USERS} users, ${loadSeconds.toFixed(1)} s, ${THINK}; load average ${load.map((l) => l.toFixed(2)).join(", ")} (2 cores)`);
  const width = Math.max(...routes.map((r) => r.name.length));
  console.log(`${"route".padEnd(width)}  requests  errors   p50 ms   p95 ms   p99 ms   max ms`);
  let all: number[] = [];
  let errorCount = 0;
  for (const route of routes) {
    const t = times.get(route.name)!.sort((a, b) => a - b);
    all = all.concat(t);
    errorCount += errors.get(route.name)!;
    const f = (n: number | undefined) => (n === undefined ? "–" : n.toFixed(0)).padStart(7);
    console.log(`${route.name.padEnd(width)}  ${String(t.length).padStart(8)}  ${String(errors.get(route.name)).padStart(6)}  ${f(t.length ? percentile(t, 50) : undefined)}  ${f(t.length ? percentile(t, 95) : undefined)}  ${f(t.length ? percentile(t, 99) : undefined)}  ${f(t.at(-1))}`);
  }
  all.sort((a, b) => a - b);
  console.log(`${"all".padEnd(width)}  ${String(all.length).padStart(8)}  ${String(errorCount).padStart(6)}  ${percentile(all, 50).toFixed(0).padStart(7)}  ${percentile(all, 95).toFixed(0).padStart(7)}  ${percentile(all, 99).toFixed(0).padStart(7)}  ${all.at(-1)!.toFixed(0).padStart(7)}   (${(all.length / loadSeconds).toFixed(1)} requests/s)`);
  for (const sample of errorSamples) console.log(`  error: ${sample}`);
  // Throughput with users: the replays that ended while they ran; if none did, how far the first got by then.
  const ended = replaysUnderLoad.filter((r) => r.endedInLoad);
  const quietRate = PATTERNS / quietSeconds;
  const underLoad = ended.length
    ? (ended.length * PATTERNS) / ended.reduce((sum, r) => sum + r.seconds, 0)
    : partial!.finished / ((partialAt - replaying!.started) / 1000);
  console.log(
    `replay of ${PATTERNS} patterns: no users ${quietSeconds.toFixed(1)} s = ${quietRate.toFixed(0)} patterns/s; ` +
      `with ${USERS} users ${underLoad.toFixed(0)} patterns/s (${((100 * underLoad) / quietRate).toFixed(0)} %): ` +
      (ended.length
        ? `${ended.length} replays back to back while they ran, ${ended.map((r) => `${r.seconds.toFixed(1)} s`).join(", ")}`
        : `${partial!.finished} done when they stopped`),
  );
  await db.$disconnect();
  if (errorCount > 0) process.exitCode = 1;
} finally {
  if (server) await stopBenchServer(server);
  modelServer.kill();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
