// What every HTTP request to Ratchet goes through before Next sees it
// (scripts/serve-next.mjs): its id, its request context, its access-log line
// and its sample in ratchet_http_request_duration_seconds. Plain JavaScript:
// serve-next.mjs runs on plain node.
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id.mjs";
import { logger } from "../log/logger.mjs";
import { runWithRequestContext } from "../log/request-context.mjs";
import { observeRequest } from "../metrics/web-metrics.mjs";
import { requestEnded, requestStarted } from "./web-load.mjs";

/** Routes whose lines go to debug: Next's assets and health probes would drown the rest. */
const QUIET_ROUTES = new Set(["/_next/*", "/api/health", "/api/health/ready"]);

/**
 * Wraps Next's request handler: peer address, request id (the caller's when
 * sane, else new; sent back as X-Request-Id and seen by the app), a request
 * context for the log lines written meanwhile, and when the response is done
 * one access-log line and one histogram sample labelled with the route pattern;
 * its time in flight counts towards the process's load (web-load.mjs).
 */
export function observeRequests(handle, { matchRoute, log = logger(), beforeHandle }) {
  return (req, res) => {
    const started = process.hrtime.bigint();
    // The demo model server's calls come from replays, not people: they do not make the web "busy" (web-load.mjs).
    const counted = !req.url?.startsWith("/api/demo/");
    if (counted) requestStarted();
    beforeHandle?.(req);
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("X-Request-Id", requestId);
    const context = { requestId };
    res.once("close", () => {
      if (counted) requestEnded();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = matchRoute(new URL(req.url ?? "/", "http://x").pathname);
      const status = res.statusCode;
      observeRequest({ method: req.method ?? "GET", route, status, seconds });
      const level = status >= 500 ? "warn" : QUIET_ROUTES.has(route) ? "debug" : "info";
      const fields = { reqId: requestId, actorId: context.actorId, method: req.method, route, status, durationMs: Math.round(seconds * 1e4) / 10 };
      log[level](res.writableFinished ? fields : { ...fields, aborted: true }, "request");
    });
    runWithRequestContext(context, () =>
      handle(req, res).catch((error) => {
        log.error({ err: error, method: req.method }, "failed to handle the request");
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end("Internal Server Error");
      }),
    );
  };
}

