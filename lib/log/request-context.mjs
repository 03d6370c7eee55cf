// The request a piece of code runs for: its id and, once the API wrapper has
// resolved it, the actor. scripts/serve-next.mjs starts one per HTTP request;
// every log line written meanwhile carries its fields (lib/log/logger.mjs).
// Plain JavaScript because serve-next.mjs (plain node) and the Next bundle both
// use it; the store lives on globalThis so both module copies share it.
import { AsyncLocalStorage } from "node:async_hooks";

const KEY = Symbol.for("ratchet.requestContext");

/** @returns {AsyncLocalStorage<import("./request-context.d.mts").RequestContext>} */
function storage() {
  globalThis[KEY] ??= new AsyncLocalStorage();
  return globalThis[KEY];
}

export function runWithRequestContext(context, run) {
  return storage().run(context, run);
}

export function currentRequestContext() {
  return storage().getStore();
}
