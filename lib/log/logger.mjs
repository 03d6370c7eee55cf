// The one logger of every Ratchet process (web server, API, workers): pino,
// JSON lines on stdout, pretty (pino-pretty) when stdout is a terminal. Lines
// written while a request is handled carry its id and actor (request-context.mjs).
// Plain JavaScript: scripts/serve-next.mjs (plain node) and the Next bundle both
// load it; the instance lives on globalThis so both share one.
import pino from "pino";
import pretty from "pino-pretty";
import { currentRequestContext } from "./request-context.mjs";

/** Fields never written, whatever a caller passes: credentials in headers, passwords, secrets, tokens. */
export const REDACTED_PATHS = [
  "authorization",
  "cookie",
  "password",
  "newPassword",
  "currentPassword",
  "secret",
  "token",
  "apiKey",
  "connectorSecrets",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
  'headers["x-api-key"]',
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "*.authorization",
  "*.cookie",
  "*.password",
  "*.newPassword",
  "*.currentPassword",
  "*.secret",
  "*.token",
  "*.apiKey",
  "*.connectorSecrets",
];

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);
const KEY = Symbol.for("ratchet.logger");

/**
 * A logger writing to `destination` (default stdout; tests pass their own).
 * `pretty` defaults to whether the destination is a terminal. The level is
 * RATCHET_LOG_LEVEL (validated with the rest in lib/env.ts), default info.
 */
export function createLogger(options = {}) {
  const destination = options.destination ?? process.stdout;
  const usePretty = options.pretty ?? Boolean(destination.isTTY);
  const requested = options.level ?? process.env.RATCHET_LOG_LEVEL;
  const level = requested && LEVELS.has(requested) ? requested : "info";
  const stream = usePretty ? pretty({ destination, colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" }) : destination;
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      mixin() {
        const context = currentRequestContext();
        return context ? { reqId: context.requestId, actorId: context.actorId } : {};
      },
    },
    stream,
  );
}

/** The process's logger (created on first use). */
export function logger() {
  globalThis[KEY] ??= createLogger();
  return globalThis[KEY];
}
