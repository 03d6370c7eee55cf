// npm run worker: a standalone replay worker. Run as many as you like, on as
// many machines as you like, against one PostgreSQL (DATABASE_URL). Each pulls
// durable jobs from the queue; a killed worker's jobs are retried by the others.
//   --concurrency N   jobs this process runs at a time (default 8)
//   --fetch N         jobs taken per fetch (default 4)
//   --poll S          idle polling interval in seconds (default 1, ≥ 0.5)
//   --supervise S     how often to look for dead workers' jobs, seconds (default 10)
//   --items-per-job N revisions per replay-batch job when this worker dispatches a run
//                     (default max(500, maxBatchSize × the model's concurrency))
//   --processes N     worker processes to run (default 1): this process then only supervises N
//                     workers (each with the other flags), starts a dead one again, and stops them
//                     all on SIGTERM/SIGINT (or npm start's "stop"): one process uses one core for
//                     the connectors' HTTP and the judging, so N use up to N cores
//   --nice N          OS scheduling niceness, 0–19 (default 10): a replay is background work, so on a
//                     machine it shares with the web server (npm start) or the database, people's page
//                     requests get the CPU first and the replay takes what is left; 0 to compete equally
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
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
    processes: { type: "string", default: "1" },
    nice: { type: "string", default: "10" },
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

const nice = Math.floor(number("nice", values.nice, 0));
if (nice > 19) {
  console.error("--nice must be a number from 0 to 19");
  process.exit(2);
}
// Lowering one's own priority needs no privilege; the forked workers of --processes inherit it.
if (nice > 0) {
  try {
    os.setPriority(0, Math.max(os.getPriority(0), nice));
  } catch (error) {
    log.warn({ err: error }, "could not lower the worker's scheduling priority; it competes equally for the CPU");
  }
}

const processes = Math.floor(number("processes", values.processes, 1));
if (processes > 1) {
  requireDatabaseUrl();
  superviseWorkers(processes);
  // This process only supervises; it exits when its workers have stopped.
  await new Promise(() => {});
}

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
  listeners: [...(replay.listeners ?? []), ...(alerts.listeners ?? [])],
  concurrency: Math.floor(number("concurrency", values.concurrency, 1)),
  fetchBatchSize: Math.floor(number("fetch", values.fetch, 1)),
  pollingIntervalSeconds: number("poll", values.poll, 0.5),
  superviseIntervalSeconds: Math.floor(number("supervise", values.supervise, 1)),
});
// Heartbeat and metrics in PostgreSQL for GET /api/metrics (README → Operations).
metrics = startWorkerMetricsPublisher();
if (stopRequested) stop();
else log.info({ workerId: metrics.workerId }, "worker ready");

/** N worker processes with this one's flags; a dead one is started again; a stop request goes to each. */
function superviseWorkers(count: number) {
  const args = process.argv.slice(2).filter((arg, i, all) => arg !== "--processes" && all[i - 1] !== "--processes" && !arg.startsWith("--processes="));
  const children = new Set<ChildProcess>();
  let stopping = false;
  let exitCode = 0;
  const start = (index: number) => {
    const child = fork(process.argv[1]!, args, { execArgv: process.execArgv, stdio: "inherit" });
    children.add(child);
    child.once("exit", (code, signal) => {
      children.delete(child);
      if (stopping) {
        exitCode = Math.max(exitCode, code ?? 1);
        if (children.size === 0) process.exit(exitCode);
        return;
      }
      log.error({ worker: index, code, signal }, "worker process died; starting another");
      setTimeout(() => !stopping && start(index), 1_000).unref();
    });
  };
  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    log.info({ processes: children.size }, "stopping every worker process …");
    if (children.size === 0) process.exit(0);
    for (const child of children) child.send("stop");
  };
  handleStopSignals({
    stop: stopAll,
    force(signal) {
      for (const child of children) child.kill("SIGKILL");
      process.exit(signalExitCode(signal));
    },
  });
  if (process.send) {
    process.on("message", (message) => message === "stop" && stopAll());
    process.on("disconnect", stopAll);
  }
  for (let i = 0; i < count; i++) start(i);
  log.info({ processes: count }, "supervising worker processes");
}
