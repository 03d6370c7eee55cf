// X-Request-Id: a caller's id is kept when it is sane (a proxy's or a client's
// id then joins their logs to ours), else we make one. Plain JavaScript: used
// by scripts/serve-next.mjs (plain node) and by tests.
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";
const SANE = /^[A-Za-z0-9._-]{1,128}$/;

/** The incoming header value when it is 1–128 characters of [A-Za-z0-9._-], else a new UUID. */
export function requestIdFrom(incoming) {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return typeof value === "string" && SANE.test(value) ? value : randomUUID();
}
