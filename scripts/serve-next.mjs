// The web server scripts/start.ts runs: Next's own request handler behind a
// plain node:http server, for one reason: Next shows route handlers no socket
// and passes a client's X-Forwarded-For through untouched, so this server
// stamps every request with the TCP peer's address (x-ratchet-peer-address),
// overwriting whatever a client sent under that name. lib/auth/client-address.ts
// reads it (and X-Forwarded-For only behind RATCHET_TRUSTED_PROXIES).
// It is also where every request (pages and API) gets its X-Request-Id, its
// request context (so log lines name it), its access-log line and its sample in
// ratchet_http_request_duration_seconds.
// With --processes N (N > 1, not with --dev) it is a node:cluster primary that
// runs N such servers on the one port (the kernel spreads connections between
// them): a page render is single-threaded JavaScript, so one process uses one
// core. It starts a crashed one again, relays GET /api/metrics' request for
// every process's metrics, and on SIGTERM/SIGINT stops them all (exit 143/130).
// Usage: node scripts/serve-next.mjs [--dev] [--processes N] -p PORT -H HOST
import cluster from "node:cluster";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { observeRequests } from "../lib/http/observe-requests.mjs";
import { logger } from "../lib/log/logger.mjs";
import { answerClusterMetricsRequests, createRouteMatcher, readRoutePatterns, relayClusterMetricsRequests } from "../lib/metrics/web-metrics.mjs";

export const PEER_ADDRESS_HEADER = "x-ratchet-peer-address";

/** Sets the peer header from the socket, replacing any value the client sent. */
export function stampPeerAddress(req) {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  // rawHeaders too, so no reader of the raw list sees a client's forged copy.
  const raw = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() !== PEER_ADDRESS_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  raw.push(PEER_ADDRESS_HEADER, req.headers[PEER_ADDRESS_HEADER]);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

async function main() {
  const args = process.argv.slice(2);
  const dev = args.includes("--dev");
  const processes = dev ? 1 : Math.max(1, Math.floor(Number(option(args, "--processes", "1"))) || 1);
  if (processes > 1 && cluster.isPrimary) return superviseServers(processes);
  if (cluster.isWorker) answerClusterMetricsRequests();
  const port = Number(option(args, "-p", process.env.PORT ?? "3000"));
  const hostname = option(args, "-H", "0.0.0.0");
  // As `next start` / `next dev` do, before Next is loaded.
  process.env.NODE_ENV = dev ? "development" : "production";
  const { default: next } = await import("next");
  const app = next({ dev, hostname, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgrade = app.getUpgradeHandler();

  const log = logger().child({ process: "web" });
  const matchRoute = createRouteMatcher(readRoutePatterns(path.join(process.cwd(), "app")));
  const server = http.createServer(observeRequests(handle, { matchRoute, log, beforeHandle: stampPeerAddress }));
  server.on("upgrade", (req, socket, head) => {
    stampPeerAddress(req);
    upgrade(req, socket, head).catch(() => socket.destroy());
  });
  // A port already taken (or refused) ends the process with 1: Next's own handlers would otherwise keep a
  // cluster server alive without a listener, and a lone one exited 0.
  server.on("error", (error) => {
    if (server.listening) return log.error({ err: error }, "web server error");
    log.error({ err: error, hostname, port }, `web server cannot listen on ${hostname}:${port}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => log.info({ hostname, port, dev }, `web server listening on ${hostname}:${port}${dev ? " (dev)" : ""}`));

  // As `next start` does: stop accepting, let requests in flight finish, close Next, exit 128 + signal.
  let closing = false;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      log.info({ signal }, "stopping: no new connections, letting requests in flight finish");
      server.close(() => void app.close().catch((error) => log.error({ err: error }, "Next did not close cleanly")).finally(() => process.exit(code)));
      server.closeIdleConnections();
      if (dev) server.closeAllConnections();
    });
  }
}

/** The cluster primary: `count` web servers, a crashed one replaced; a stop signal stops them all, then this process. */
function superviseServers(count) {
  const log = logger().child({ process: "web" });
  relayClusterMetricsRequests();
  const listening = new Set();
  let stopCode;
  const servers = () => Object.values(cluster.workers ?? {}).filter(Boolean);
  /** Stops every server; this process exits with `code` once none is left. */
  const stopAll = (code) => {
    stopCode = code;
    if (servers().length === 0) process.exit(code);
    for (const server of servers()) server.process.kill("SIGTERM");
  };
  cluster.on("listening", (worker) => listening.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    if (stopCode !== undefined) {
      if (servers().length === 0) process.exit(stopCode);
    } else if (!listening.has(worker.id)) {
      // One that never listened failed to start (port taken, build missing): the others would too, so stop as a single server would.
      log.error({ pid: worker.process.pid, code, signal }, "a web server process failed to start; stopping");
      stopAll(typeof code === "number" && code !== 0 ? code : 1);
    } else {
      log.error({ pid: worker.process.pid, code, signal }, "a web server process exited; starting another");
      setTimeout(() => stopCode === undefined && cluster.fork(), 1_000).unref();
    }
  });
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
    process.on(signal, () => stopCode === undefined && stopAll(code));
  }
  log.info({ processes: count }, `starting ${count} web server processes`);
  for (let i = 0; i < count; i++) cluster.fork();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
