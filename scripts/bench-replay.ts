// npm run bench:replay: replay throughput against a local Open Inference server
// that answers in well under a millisecond, compared with the server's raw
// capacity measured by autocannon on the same request body.
//   --patterns N       pattern revisions (default 10000)
//   --concurrency N    model concurrency and worker concurrency (default 16)
//   --items-per-job N  revisions per queue job (default: the dispatcher's, max(500, maxBatchSize × concurrency))
//   --fetch N          jobs per fetch (default 4)
//   --poll S           idle polling interval, seconds (default 0.5)
//   --batch N          maxBatchSize of the batched run (default 32)
// Uses a throwaway database on DATABASE_URL's server, or an embedded one.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { createThrowawayDatabase } from "../lib/db/tooling/throwaway-database";

type AutocannonResult = { requests: { average: number }; latency: { p50: number } };
// autocannon ships no types; this is the slice of its API the bench uses.
const autocannon = createRequire(import.meta.url)("autocannon") as (options: {
  url: string; method: string; headers: Record<string, string>; body: string; connections: number; duration: number;
}) => Promise<AutocannonResult>;

const { values } = parseArgs({
  options: {
    patterns: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "16" },
    "items-per-job": { type: "string" },
    fetch: { type: "string", default: "4" },
    poll: { type: "string", default: "0.5" },
    batch: { type: "string", default: "32" },
  },
});
const patterns = Number(values.patterns);
const concurrency = Number(values.concurrency);
const itemsPerJob = values["items-per-job"] ? Number(values["items-per-job"]) : undefined;

// ── the reference model server, in its own process ──
const serverSource = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString());
    const texts = body.inputs[0].data;
    const labels = texts.map((t) => (t.includes("good") ? "positive" : "negative"));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ model_name: "label", outputs: [{ name: "label", shape: [labels.length], datatype: "BYTES", data: labels }] }));
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log("port " + server.address().port));`;
const modelServer = spawn(process.execPath, ["-e", serverSource], { stdio: ["ignore", "pipe", "inherit"] });
const port = await new Promise<number>((resolve) => modelServer.stdout.on("data", (d: Buffer) => resolve(Number(/port (\d+)/.exec(d.toString())?.[1]))));
const baseUrl = `http://127.0.0.1:${port}`;

// ── a throwaway database ──
const serverUrl = process.env.DATABASE_URL;
const database = await createThrowawayDatabase("ratchet_bench");
const databaseUrl = database.url;
process.env.DATABASE_URL = databaseUrl;
process.env.RATCHET_SECRET ??= "bench-secret-0123456789abcdef0123456789";
process.env.RATCHET_DB_POOL_SIZE ??= String(concurrency + 4);
const { prisma } = await import("../lib/db/prisma");
const { startWorker } = await import("../lib/jobs/start-worker");
const { replayWorkload } = await import("../lib/replay/replay-workload");
const { requestReplay } = await import("../lib/replay/request-replay");
const { hashJson } = await import("../lib/scoring/canonical-json");
const { replayTimings } = await import("../lib/replay/replay-timings");
const db = prisma();

try {
  console.log(`[bench] ${serverUrl ? "PostgreSQL scratch database" : "embedded PostgreSQL (PGlite)"}; seeding ${patterns} pattern revisions …`);
  const project = await db.project.create({ data: { slug: "bench", name: "bench", outputKind: "label", keyPrefix: "B", labels: ["positive", "negative"] } });
  const problem = await db.problem.create({ data: { projectId: project.id, number: 1, key: "B-1", title: "bench", severity: "low", target: 0.5 } });
  const rows = Array.from({ length: patterns }, (_, i) => ({ i, text: `${i % 2 ? "bad" : "good"} review ${i}` }));
  for (let start = 0; start < rows.length; start += 2000) {
    const slice = rows.slice(start, start + 2000);
    await db.pattern.createMany({ data: slice.map(({ i, text }) => ({ id: `bpat${String(i).padStart(21, "0")}`, projectId: project.id, problemId: problem.id, name: text, purpose: "case" as const, origin: "contrived" as const })) });
    await db.patternRevision.createMany({
      data: slice.map(({ i, text }) => ({
        id: `brev${String(i).padStart(21, "0")}`, projectId: project.id, patternId: `bpat${String(i).padStart(21, "0")}`, number: 1, inputKind: "json" as const,
        input: { text }, inputHash: hashJson({ text }), expectation: { kind: "equals", value: i % 2 ? "negative" : "positive" },
      })),
    });
  }
  await db.$executeRaw`UPDATE patterns SET current_revision_id = 'brev' || substr(id, 5) WHERE project_id = ${project.id}`;

  const connector = (maxBatchSize: number) => ({ kind: "openinference", baseUrl, model: "label", inputName: "text", outputName: "label", maxBatchSize });
  const unbatched = await db.modelVersion.create({ data: { projectId: project.id, name: "label", version: "unbatched", connectorKind: "openinference", connector: connector(1), concurrency } });
  const batched = await db.modelVersion.create({ data: { projectId: project.id, name: "label", version: "batched", connectorKind: "openinference", connector: connector(Number(values.batch)), concurrency } });

  const worker = await startWorker({
    concurrency,
    fetchBatchSize: Number(values.fetch),
    pollingIntervalSeconds: Number(values.poll),
    superviseIntervalSeconds: 5,
    ...replayWorkload({ ...(itemsPerJob ? { itemsPerJob } : {}), intervalMs: 100 }),
    log: () => {},
  });

  const replay = async (modelVersionId: string) => {
    replayTimings.take();
    const started = performance.now();
    const wallStarted = Date.now();
    const run = await db.$transaction((tx) => requestReplay(tx, { projectId: project.id, modelVersionId, trigger: "manual" }), { timeout: 120_000 });
    const committed = Date.now();
    for (;;) {
      const current = await db.replayRun.findUniqueOrThrow({ where: { id: run.id } });
      if (current.status !== "queued" && current.status !== "running") {
        const seconds = (performance.now() - started) / 1000;
        if (current.passed + current.failed !== patterns) throw new Error(`run ended ${current.status} with ${JSON.stringify(current)}`);
        const phases = {
          request: (committed - wallStarted) / 1000,
          toDispatched: (current.dispatchedAt!.getTime() - committed) / 1000,
          toFirstBatch: (current.startedAt!.getTime() - current.dispatchedAt!.getTime()) / 1000,
          batches: (current.finishedAt!.getTime() - current.startedAt!.getTime()) / 1000,
        };
        return { seconds, perSecond: patterns / seconds, timings: replayTimings.take(), phases };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  // Where the time went: calls and handlers overlap (up to `concurrency` at once), so each is also shown as a share of concurrency × wall time.
  const breakdown = ({ seconds, timings, phases }: Awaited<ReturnType<typeof replay>>) => {
    console.log(`[bench]   request (run + items written): ${phases.request.toFixed(2)} s; → jobs dispatched: ${phases.toDispatched.toFixed(2)} s; → first batch started (job fetch): ${phases.toFirstBatch.toFixed(2)} s; → last write: ${phases.batches.toFixed(2)} s`);
    const slotSeconds = concurrency * seconds * 1000;
    const line = (label: string, kind: keyof typeof timings, share: boolean) => {
      const t = timings[kind];
      if (!t) return `${label} –`;
      const mean = t.totalMs / t.count;
      return `${label} ${t.count} × ${mean.toFixed(mean < 10 ? 2 : 0)} ms (max ${t.maxMs.toFixed(0)}) = ${(t.totalMs / 1000).toFixed(2)} s${share ? ` (${((100 * t.totalMs) / slotSeconds).toFixed(0)} % of ${concurrency} × wall)` : ""}`;
    };
    const handler = timings.handler?.totalMs ?? 0;
    console.log(`[bench]   ${line("model calls:", "call", true)}`);
    console.log(`[bench]   ${line("db writes:", "write", false)}; ${line("batch setup:", "prepare", false)}; ${line("slot waits:", "slotWait", false)}`);
    console.log(`[bench]   ${line("job handlers:", "handler", true)}; worker idle (fetch, poll, dispatch): ${((slotSeconds - handler) / 1000).toFixed(2)} s of ${(slotSeconds / 1000).toFixed(2)} s`);
  };
  const u = await replay(unbatched.id);
  console.log(`[bench] unbatched: ${patterns} patterns in ${u.seconds.toFixed(2)} s → ${u.perSecond.toFixed(0)} patterns/s`);
  breakdown(u);
  const b = await replay(batched.id);
  console.log(`[bench] batched (maxBatchSize ${values.batch}): ${patterns} patterns in ${b.seconds.toFixed(2)} s → ${b.perSecond.toFixed(0)} patterns/s`);
  breakdown(b);
  await worker.stop();

  const body = JSON.stringify({ inputs: [{ name: "text", shape: [1], datatype: "BYTES", data: ["good review 0"] }], outputs: [{ name: "label" }] });
  const raw = await autocannon({ url: `${baseUrl}/v2/models/label/infer`, method: "POST", headers: { "content-type": "application/json" }, body, connections: concurrency, duration: 5 });
  const capacity = raw.requests.average;
  console.log(`[bench] autocannon, ${concurrency} connections, same body: ${capacity.toFixed(0)} requests/s (p50 ${raw.latency.p50} ms)`);
  console.log(`[bench] ratio unbatched / raw capacity: ${(u.perSecond / capacity).toFixed(3)} (target ≥ 0.9)`);
  console.log(`[bench] ratio batched / raw capacity: ${(b.perSecond / capacity).toFixed(3)}`);
} finally {
  await db.$disconnect();
  modelServer.kill();
  await database.drop();
}
