// npm run bench:replay: how close a replay comes to the physical limit of the
// model server, measured side by side in one run on this machine.
// For each scenario (model latency × concurrency × connector):
//   limit: a bare keep-alive client (node:http Agent, keepAlive) making the same
//          calls with the same bodies and the same concurrency, storing nothing;
//   full:  a model version registered as the API does (createModelVersion: probe,
//          audit, registration replay requested in its transaction) until the run
//          is `completed` with every result written, worked by `npm run worker`
//          processes (scripts/worker.ts), as in production.
// and prints calls/s, patterns/s and the ratio full / limit.
//   --patterns N      pattern revisions (default 10000)
//   --only LIST       comma-separated scenarios to run (default all): 20ms-c16-http, 20ms-c16-batched,
//                     20ms-c64-http, 20ms-c64-batched, 0ms-c16-http, 0ms-c16-batched (a prefix selects several: "20ms-c64")
//   --batch N         patterns per call of the batched (openinference) connector (default 32)
//   --processes N     worker processes (npm run worker -- --processes N; default 1)
//   --worker-concurrency N  jobs each worker process runs at a time (the worker's --concurrency, default 8)
//   --embedded        an embedded database (PGlite) instead of a scratch database on DATABASE_URL's server
//   --profile DIR     write a CPU profile of each worker process to DIR (node --cpu-prof)
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createThrowawayDatabase } from "../lib/db/tooling/throwaway-database";

const { values } = parseArgs({
  options: {
    patterns: { type: "string", default: "10000" },
    only: { type: "string" },
    batch: { type: "string", default: "32" },
    processes: { type: "string", default: "1" },
    "worker-concurrency": { type: "string", default: "8" },
    embedded: { type: "boolean", default: false },
    profile: { type: "string" },
  },
});
const patterns = Number(values.patterns);
const batchSize = Number(values.batch);
const processes = Number(values.processes);

type Scenario = { name: string; latencyMs: number; concurrency: number; batched: boolean };
const allScenarios: Scenario[] = [];
for (const [latencyMs, concurrency] of [[20, 16], [20, 64], [0, 16]] as const) {
  for (const batched of [false, true]) allScenarios.push({ name: `${latencyMs}ms-c${concurrency}-${batched ? "batched" : "http"}`, latencyMs, concurrency, batched });
}
const wanted = values.only?.split(",").map((s) => s.trim()).filter(Boolean);
const scenarios = wanted ? allScenarios.filter((s) => wanted.some((w) => s.name.startsWith(w))) : allScenarios;
if (scenarios.length === 0) {
  console.error(`--only matches no scenario; scenarios: ${allScenarios.map((s) => s.name).join(", ")}`);
  process.exit(2);
}

// ── the model servers, one process per latency (0: answers at once) ──
// POST /predict {text} → {label} (the http connector, one pattern per call);
// POST /v2/models/label/infer (Open Inference v2, a batch of texts per call).
const serverSource = `
const http = require("node:http");
const delay = Number(process.argv[1]);
const label = (t) => (t.includes("good") ? "positive" : "negative");
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString());
    const answer = req.url === "/predict"
      ? { label: label(body.text) }
      : (() => { const labels = body.inputs[0].data.map(label); return { model_name: "label", outputs: [{ name: "label", shape: [labels.length], datatype: "BYTES", data: labels }] }; })();
    const send = () => { res.writeHead(200, { "content-type": "application/json" }); res.end(JSON.stringify(answer)); };
    if (delay > 0) setTimeout(send, delay); else send();
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log("port " + server.address().port));`;
const children: ChildProcess[] = [];
const startModelServer = async (latencyMs: number) => {
  const child = spawn(process.execPath, ["-e", serverSource, String(latencyMs)], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const port = await new Promise<number>((resolve) => child.stdout!.on("data", (d: Buffer) => resolve(Number(/port (\d+)/.exec(d.toString())?.[1]))));
  return `http://127.0.0.1:${port}`;
};
const serverUrls = new Map<number, string>();
for (const latency of new Set(scenarios.map((s) => s.latencyMs))) serverUrls.set(latency, await startModelServer(latency));

// ── a throwaway database ──
const database = await createThrowawayDatabase("ratchet_bench", values.embedded ? { serverUrl: undefined } : {});
process.env.DATABASE_URL = database.url;
process.env.RATCHET_SECRET ??= "bench-secret-0123456789abcdef0123456789";
const { prisma } = await import("../lib/db/prisma");
const { createModelVersion } = await import("../lib/models/create-model-version");
const { createModelVersionSchema } = await import("../lib/models/create-model-version.schema");
const { hashJson } = await import("../lib/scoring/canonical-json");
const db = prisma();

const texts = Array.from({ length: patterns }, (_, i) => `${i % 2 ? "bad" : "good"} review ${i}`);

/** The limit: a bare keep-alive client, `concurrency` calls in flight, the same calls and bodies as the connector's, nothing stored. */
async function measureLimit(scenario: Scenario): Promise<{ seconds: number; calls: number }> {
  const base = new URL(serverUrls.get(scenario.latencyMs)!);
  const agent = new http.Agent({ keepAlive: true, maxSockets: scenario.concurrency });
  const per = scenario.batched ? batchSize : 1;
  const calls = Math.ceil(patterns / per);
  const body = (call: number) =>
    scenario.batched
      ? JSON.stringify({ inputs: [{ name: "text", shape: [Math.min(per, patterns - call * per)], datatype: "BYTES", data: texts.slice(call * per, (call + 1) * per) }], outputs: [{ name: "label" }] })
      : JSON.stringify({ text: texts[call] });
  const post = (payload: string) =>
    new Promise<void>((resolve, reject) => {
      const request = http.request(
        { host: base.hostname, port: base.port, path: scenario.batched ? "/v2/models/label/infer" : "/predict", method: "POST", agent,
          headers: { "content-type": "application/json", accept: "application/json", "content-length": Buffer.byteLength(payload) } },
        (response) => {
          response.on("data", () => {});
          response.on("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`))));
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: scenario.concurrency }, async () => {
    while (next < calls) await post(body(next++));
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, calls };
}

// ── the project: `patterns` current pattern revisions, and a user registering the versions ──
console.log(`[bench] ${database.kind === "postgresql" ? "PostgreSQL scratch database" : "embedded PostgreSQL (PGlite)"}; seeding ${patterns} pattern revisions …`);
const user = await db.user.create({ data: { name: "bench", email: "bench@bench.local", role: "admin" } });
const actor = { user: { id: user.id, email: user.email, name: user.name, role: user.role }, ip: null, userAgent: null };
const project = await db.project.create({ data: { slug: "bench", name: "bench", outputKind: "label", keyPrefix: "B", labels: ["positive", "negative"] } });
const problem = await db.problem.create({ data: { projectId: project.id, number: 1, key: "B-1", title: "bench", severity: "low", target: 0.5 } });
for (let start = 0; start < patterns; start += 2000) {
  const slice = texts.slice(start, start + 2000).map((text, k) => ({ i: start + k, text }));
  await db.pattern.createMany({ data: slice.map(({ i, text }) => ({ id: `bpat${String(i).padStart(21, "0")}`, projectId: project.id, problemId: problem.id, name: text, purpose: "case" as const, origin: "contrived" as const })) });
  await db.patternRevision.createMany({
    data: slice.map(({ i, text }) => ({
      id: `brev${String(i).padStart(21, "0")}`, projectId: project.id, patternId: `bpat${String(i).padStart(21, "0")}`, number: 1, inputKind: "json" as const,
      input: { text }, inputHash: hashJson({ text }), expectation: { kind: "equals", value: i % 2 ? "negative" : "positive" },
    })),
  });
}
await db.$executeRaw`UPDATE patterns SET current_revision_id = 'brev' || substr(id, 5) WHERE project_id = ${project.id}`;

// ── the worker processes: npm run worker, as deployed ──
// --nice 0: the replay is all this machine does here, and the limit's client runs at normal priority too.
const workerArgs = ["--concurrency", values["worker-concurrency"]!, "--poll", "0.5", "--supervise", "5", "--nice", "0"];
const startWorkers = async () => {
  const nodeArgs = ["--import", "tsx", "--conditions=react-server", ...(values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`] : [])];
  const child = spawn(process.execPath, [...nodeArgs, "scripts/worker.ts", ...workerArgs, ...(processes > 1 ? ["--processes", String(processes)] : [])], {
    env: { ...process.env, DATABASE_URL: database.url, RATCHET_DB_POOL_SIZE: process.env.RATCHET_DB_POOL_SIZE ?? "12", RATCHET_LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let ready = 0;
    let partial = "";
    child.stdout!.on("data", (d: Buffer) => {
      const lines = (partial + d.toString()).split("\n");
      partial = lines.pop()!;
      ready += lines.filter((line) => line.includes("worker ready")).length;
      if (ready >= processes) resolve();
    });
    child.on("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
  });
};

/** The full path: register the version (the API's createModelVersion) → its registration replay `completed`, every result written. */
async function measureFull(scenario: Scenario, index: number): Promise<{ seconds: number; phases: string; batches: number }> {
  const url = serverUrls.get(scenario.latencyMs)!;
  const connector = scenario.batched
    ? { kind: "openinference", baseUrl: url, model: "label", inputName: "text", outputName: "label", maxBatchSize: batchSize }
    : { kind: "http", url: `${url}/predict`, outputPath: "$.label" };
  const input = createModelVersionSchema.parse({ name: "label", version: `${scenario.name}-${index}`, connector, concurrency: scenario.concurrency, timeoutMs: 10_000 });
  const started = Date.now();
  const version = await createModelVersion(actor, project.id, input);
  for (;;) {
    const run = await db.replayRun.findFirst({
      where: { modelVersionId: version.id },
      select: { id: true, status: true, createdAt: true, dispatchedAt: true, startedAt: true, finishedAt: true, passed: true, failed: true, errored: true, ungraded: true },
    });
    if (run && run.status !== "queued" && run.status !== "running") {
      const results = await db.result.count({ where: { modelVersionId: version.id, replayRunId: run.id } });
      if (run.status !== "completed" || run.passed !== patterns || results !== patterns) throw new Error(`${scenario.name}: run ended ${JSON.stringify(run)} with ${results} results`);
      const at = (date: Date | null) => ((date!.getTime() - started) / 1000).toFixed(2);
      // Where the wall time went: registration committed, jobs dispatched (the sweep), first batch started, last result written.
      const phases = `registered ${at(run.createdAt)} s, dispatched ${at(run.dispatchedAt)} s, first batch ${at(run.startedAt)} s, completed ${at(run.finishedAt)} s`;
      const batches = (run.finishedAt!.getTime() - run.startedAt!.getTime()) / 1000;
      return { seconds: (run.finishedAt!.getTime() - started) / 1000, phases, batches };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const rows: string[][] = [];
let failed = false;
try {
  await startWorkers();
  console.log(`[bench] ${processes} worker process(es), --concurrency ${values["worker-concurrency"]}; ${patterns} patterns per scenario`);
  for (const [index, scenario] of scenarios.entries()) {
    const limit = await measureLimit(scenario);
    const load = os.loadavg()[0]!.toFixed(2);
    const full = await measureFull(scenario, index);
    const limitPatterns = patterns / limit.seconds;
    const fullPatterns = patterns / full.seconds;
    const per = scenario.batched ? batchSize : 1;
    const row = [
      scenario.name,
      `${scenario.latencyMs ? `${scenario.latencyMs} ms` : "< 1 ms"}, ${scenario.concurrency}, ${scenario.batched ? `openinference ${per}/call` : "http 1/call"}`,
      `${(limit.calls / limit.seconds).toFixed(0)} calls/s = ${limitPatterns.toFixed(0)} patterns/s`,
      `${fullPatterns.toFixed(0)} patterns/s (${full.seconds.toFixed(2)} s)`,
      (fullPatterns / limitPatterns).toFixed(2),
      load,
    ];
    rows.push(row);
    console.log(`[bench] ${row[0]}: limit ${row[2]}; full path ${row[3]}; ratio ${row[4]} (load ${load})`);
    // Once its batches run (first batch started → last result written): the engine alone, without registration and dispatch.
    console.log(`[bench]   ${full.phases}; while batches ran: ${(patterns / full.batches).toFixed(0)} patterns/s, ratio ${(patterns / full.batches / limitPatterns).toFixed(2)}`);
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((resolve) => child.once("exit", resolve)))));
  await db.$disconnect();
  await database.drop();
}
console.log(`\n| scenario | latency, concurrency, connector | limit (bare keep-alive client) | Ratchet (registration → completed) | ratio | load 1 min |`);
console.log(`| --- | --- | --- | --- | --- | --- |`);
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
console.log(`\n${database.kind === "postgresql" ? "PostgreSQL" : "embedded PGlite"}, ${processes} worker process(es), ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
if (failed) process.exit(1);
