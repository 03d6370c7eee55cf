// npm run worker: a standalone replay worker. Run as many as you like, on as
// many machines as you like, against one PostgreSQL (DATABASE_URL). Each pulls
// durable jobs from the queue; a killed worker's jobs are retried by the others.
//   --concurrency N   jobs this process runs at a time (default 8)
//   --fetch N         jobs taken per fetch (default 4)
//   --poll S          idle polling interval in seconds (default 1, ≥ 0.5)
//   --supervise S     how often to look for dead workers' jobs, seconds (default 10)
//   --items-per-job N revisions per replay-batch job when this worker dispatches a run
//                     (default max(500, maxBatchSize × the model's concurrency))
import { parseArgs } from "node:util";
import { requireDatabaseUrl } from "../lib/env";
import { startWorker } from "../lib/jobs/start-worker";
import { replayWorkload } from "../lib/replay/replay-workload";

const { values } = parseArgs({
  options: {
    concurrency: { type: "string", default: "8" },
    fetch: { type: "string", default: "4" },
    poll: { type: "string", default: "1" },
    supervise: { type: "string", default: "10" },
    "items-per-job": { type: "string" },
  },
});
const number = (name: string, value: string | undefined, min: number) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) {
    console.error(`--${name} must be a number ≥ ${min}`);
    process.exit(2);
  }
  return n;
};

requireDatabaseUrl();
const itemsPerJob = values["items-per-job"] ? Math.floor(number("items-per-job", values["items-per-job"], 1)) : undefined;
// Every domain's work: add a domain's workload here when it defines jobs.
const worker = await startWorker({
  ...replayWorkload(itemsPerJob ? { itemsPerJob } : {}),
  concurrency: Math.floor(number("concurrency", values.concurrency, 1)),
  fetchBatchSize: Math.floor(number("fetch", values.fetch, 1)),
  pollingIntervalSeconds: number("poll", values.poll, 0.5),
  superviseIntervalSeconds: Math.floor(number("supervise", values.supervise, 1)),
});
console.log(`[worker] ready (pid ${process.pid})`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing running jobs …`);
    void worker.stop({ timeoutMs: 30_000 }).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("[worker] stop failed", error);
        process.exit(1);
      },
    );
  });
}
