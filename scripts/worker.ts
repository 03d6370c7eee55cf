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
import { startWorker, type Worker } from "../lib/jobs/start-worker";
import { logger } from "../lib/log/logger.mjs";
import { startWorkerMetricsPublisher, type WorkerMetricsPublisher } from "../lib/metrics/publish-worker-metrics";
import { handleStopSignals, signalExitCode } from "../lib/process/handle-stop-signals";
import { replayWorkload } from "../lib/replay/replay-workload";
import { alertsWorkload } from "../lib/alerts/alerts-workload";

const log = logger().child({ process: "worker" });

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
    console.error(`--${name} must be a number ≥ ${min}`); // usage error: for the person typing, not the logs
    process.exit(2);
  }
  return n;
};

// SIGTERM/SIGINT: running batches write the outcomes they have, give their
// model slots back and are queued again at once for another worker; the queue's
// connections close and the process exits 0. A later signal exits at once.
// pg-boss waits up to this long twice (a running maintenance command, then handlers): 2 × 4 s stays inside npm start's 10 s.
const STOP_TIMEOUT_MS = 4_000;
let worker: Worker | undefined;
let metrics: WorkerMetricsPublisher | undefined;
let stopRequested = false;
const stop = () => {
  log.info("stopping: writing what running jobs have, giving their jobs back …");
  setTimeout(() => {
    log.error("did not stop in time; exiting now");
    process.exit(1);
  }, STOP_TIMEOUT_MS * 2 + 1_500).unref();
  void worker!
    .stop({ timeoutMs: STOP_TIMEOUT_MS })
    .then(() => metrics?.stop())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "stop failed");
        process.exit(1);
      },
    );
};
const requestStop = () => {
  if (stopRequested) return;
  stopRequested = true;
  if (worker) stop();
};
handleStopSignals({
  stop: requestStop,
  force(signal) {
    log.error({ signal }, `${signal} again: exiting now`);
    process.exit(signalExitCode(signal));
  },
});

// Under npm start: asked to stop over IPC (never a forcing signal), and stops if npm start goes away.
if (process.send) {
  process.on("message", (message) => message === "stop" && requestStop());
  process.on("disconnect", requestStop);
}

requireDatabaseUrl();
const itemsPerJob = values["items-per-job"] ? Math.floor(number("items-per-job", values["items-per-job"], 1)) : undefined;
// Every domain's work: add a domain's workload here when it defines jobs.
const replay = replayWorkload(itemsPerJob ? { itemsPerJob } : {});
const alerts = alertsWorkload();
worker = await startWorker({
  jobs: [...replay.jobs, ...alerts.jobs],
  sweeps: [...(replay.sweeps ?? []), ...(alerts.sweeps ?? [])],
  concurrency: Math.floor(number("concurrency", values.concurrency, 1)),
  fetchBatchSize: Math.floor(number("fetch", values.fetch, 1)),
  pollingIntervalSeconds: number("poll", values.poll, 0.5),
  superviseIntervalSeconds: Math.floor(number("supervise", values.supervise, 1)),
});
// Heartbeat and metrics in PostgreSQL for GET /api/metrics (README → Operations).
metrics = startWorkerMetricsPublisher();
if (stopRequested) stop();
else log.info({ workerId: metrics.workerId }, "worker ready");
