// The web process's own metrics, recorded by scripts/serve-next.mjs for every
// request (pages and API alike) and read by GET /api/metrics. Plain JavaScript:
// serve-next.mjs (plain node) and the Next bundle both load it; the registry
// lives on globalThis so both share one.
import cluster from "node:cluster";
import { readdirSync } from "node:fs";
import path from "node:path";
import client from "prom-client";

const KEY = Symbol.for("ratchet.webMetrics");
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
export const UNMATCHED_ROUTE = "(unmatched)";

/** The registry and the request histogram of this process (created on first use). */
export function webMetrics() {
  if (!globalThis[KEY]) {
    const registry = new client.Registry();
    const httpRequestDuration = new client.Histogram({
      name: "ratchet_http_request_duration_seconds",
      help: "HTTP requests served by this web process, by method, route pattern (never raw ids) and status.",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
    globalThis[KEY] = { registry, httpRequestDuration };
  }
  return globalThis[KEY];
}

// Several web processes (RATCHET_WEB_PROCESSES > 1, scripts/serve-next.mjs) share one port through
// node:cluster; a scrape reaches one of them, which asks the primary for every process's registry.
const REQUEST = "ratchet:web-metrics:request";
const RESPONSE = "ratchet:web-metrics:response";
const COLLECT = "ratchet:web-metrics:collect";
const COLLECTED = "ratchet:web-metrics:collected";
const CLUSTER_TIMEOUT_MS = 3_000;

/**
 * The metrics (prom-client JSON) of every web process: this process's own, or
 * in a cluster each live process's, gathered by the primary (a process that
 * does not answer within 3 s is left out of this scrape).
 */
export async function collectWebMetrics() {
  if (!cluster.isWorker || !process.send) return [await webMetrics().registry.getMetricsAsJSON()];
  const id = `${process.pid}:${Math.random().toString(36).slice(2)}`;
  return new Promise((resolve) => {
    const done = (metrics) => {
      clearTimeout(timer);
      process.off("message", onMessage);
      resolve(metrics);
    };
    const onMessage = (message) => {
      if (message?.type === RESPONSE && message.id === id) done(message.metrics);
    };
    const timer = setTimeout(() => void webMetrics().registry.getMetricsAsJSON().then((own) => done([own])), CLUSTER_TIMEOUT_MS + 1_000);
    process.on("message", onMessage);
    process.send({ type: REQUEST, id });
  });
}

/** In a cluster worker: answers the primary's requests for this process's metrics. */
export function answerClusterMetricsRequests() {
  process.on("message", (message) => {
    if (message?.type !== COLLECT) return;
    void webMetrics()
      .registry.getMetricsAsJSON()
      .then((metrics) => process.send?.({ type: COLLECTED, id: message.id, metrics }))
      .catch(() => process.send?.({ type: COLLECTED, id: message.id, metrics: [] }));
  });
}

/** In the cluster primary: relays a worker's request for every worker's metrics. */
export function relayClusterMetricsRequests() {
  cluster.on("message", (asker, message) => {
    if (message?.type !== REQUEST) return;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w && w.isConnected());
    const answers = [];
    let pending = workers.length;
    const finish = () => {
      clearTimeout(timer);
      cluster.off("message", onAnswer);
      if (asker.isConnected()) asker.send({ type: RESPONSE, id: message.id, metrics: answers });
    };
    const onAnswer = (_worker, answer) => {
      if (answer?.type !== COLLECTED || answer.id !== message.id) return;
      answers.push(answer.metrics);
      if (--pending === 0) finish();
    };
    const timer = setTimeout(finish, CLUSTER_TIMEOUT_MS);
    cluster.on("message", onAnswer);
    for (const worker of workers) worker.send({ type: COLLECT, id: message.id });
    if (pending === 0) finish();
  });
}

/** Records one finished request; `method` outside the standard set is "OTHER" (labels stay bounded). */
export function observeRequest({ method, route, status, seconds }) {
  webMetrics().httpRequestDuration.observe({ method: METHODS.has(method) ? method : "OTHER", route, status: String(status) }, seconds);
}

/**
 * Every route pattern of the app (`/projects/[slug]/models/[modelId]`), read
 * from the page and route files under `appDir`, route groups `(name)` dropped:
 * the same tree Next routes by.
 */
export function readRoutePatterns(appDir) {
  const patterns = [];
  const walk = (dir, segments) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (/^(page|route)\.(tsx?|jsx?|mjs)$/.test(entry.name)) {
        patterns.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return [...new Set(patterns)].sort();
}

/**
 * A matcher from request paths to the route patterns: the pattern Next would
 * pick (static segments before [dynamic], before [...catch-all]), `/_next/…`
 * for Next's own assets, else UNMATCHED_ROUTE, so a label never carries an id
 * or a path a client made up.
 */
export function createRouteMatcher(patterns) {
  const compiled = patterns.map((pattern) => ({ pattern, segments: pattern.split("/").filter(Boolean).map(segmentKind) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return "/_next/*";
    const parts = pathname.split("?")[0].split("/").filter(Boolean);
    let best;
    for (const candidate of compiled) {
      const rank = matchRank(candidate.segments, parts);
      if (rank && (!best || compareRanks(rank, best.rank) < 0)) best = { pattern: candidate.pattern, rank };
    }
    return best ? best.pattern : UNMATCHED_ROUTE;
  };
}

function segmentKind(segment) {
  if (/^\[\[\.\.\..+\]\]$/.test(segment)) return { kind: 3 };
  if (/^\[\.\.\..+\]$/.test(segment)) return { kind: 2 };
  if (/^\[.+\]$/.test(segment)) return { kind: 1 };
  return { kind: 0, text: segment };
}

/** Per segment 0 static, 1 dynamic, 2/3 catch-all; null when the pattern does not match. */
function matchRank(segments, parts) {
  const rank = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment.kind >= 2) {
      const rest = parts.length - i;
      if (rest < (segment.kind === 2 ? 1 : 0)) return null;
      rank.push(segment.kind);
      return rank;
    }
    if (i >= parts.length) return null;
    if (segment.kind === 0 && safeDecode(parts[i]) !== segment.text) return null;
    rank.push(segment.kind);
  }
  return parts.length === segments.length ? rank : null;
}

function compareRanks(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return b.length - a.length;
}

function safeDecode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
