// How busy this web process is: the average number of requests in flight over
// a stretch of time (a request's whole life, the time it waits for the
// database included). scripts/serve-next.mjs records each request's start and
// end (observe-requests.mjs); the app reads it (lib/replay/web-pressure.ts)
// to ask replays to yield while people wait for pages. Plain JavaScript on
// globalThis for the same reason as request-context.mjs: serve-next (plain node)
// and the Next bundle each have their own copy of this module.

const KEY = Symbol.for("ratchet.webLoad");

/** @returns {{ inFlight: number; area: number; at: number; readArea: number; readAt: number }} */
function state() {
  const now = performance.now();
  globalThis[KEY] ??= { inFlight: 0, area: 0, at: now, readArea: 0, readAt: now };
  return globalThis[KEY];
}

/** Integrates requests in flight over time up to now. */
function advance(s) {
  const now = performance.now();
  s.area += s.inFlight * (now - s.at);
  s.at = now;
}

export function requestStarted() {
  const s = state();
  advance(s);
  s.inFlight += 1;
}

export function requestEnded() {
  const s = state();
  advance(s);
  s.inFlight = Math.max(0, s.inFlight - 1);
}

/**
 * The average number of requests in flight since the last call (0.5: a request
 * was in flight half of the time), or null when this process records none
 * (not served by serve-next, e.g. route handlers called by tests) or when
 * less than `minMs` passed since the last call.
 */
export function readWebLoad(minMs = 1000) {
  const s = globalThis[KEY];
  if (!s) return null;
  advance(s);
  const elapsed = s.at - s.readAt;
  if (elapsed < minMs) return null;
  const load = (s.area - s.readArea) / elapsed;
  s.readArea = s.area;
  s.readAt = s.at;
  return load;
}
