import proxyAddr from "proxy-addr";
import { z } from "zod";
import { parseModelHostPolicy } from "./connectors/outbound/parse-model-host-policy";

// Every environment variable Ratchet reads, parsed once. README "Configuration" lists them.
const booleanish = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** PostgreSQL to use. Unset: `npm start` runs an embedded PostgreSQL (PGlite) in RATCHET_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to listen on. */
  RATCHET_HOST: z.string().default("0.0.0.0"),
  /** Where the embedded database keeps its files. */
  RATCHET_DATA_DIR: z.string().default(".ratchet"),
  /** Port of the embedded PostgreSQL's wire-protocol server; 0 picks a free one. */
  RATCHET_EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Seed the demo project into an empty database. Default: only on the embedded database. */
  RATCHET_DEMO: booleanish.optional(),
  /** Milliseconds the demo model server waits before each answer (0–10 000), to watch a replay's progress or cancel one. */
  RATCHET_DEMO_LATENCY_MS: z.coerce.number().int().min(0).max(10_000).default(0),
  /** Public base URL, used in links the app writes (the demo's model connectors). */
  RATCHET_PUBLIC_URL: z.string().url().optional(),
  /** Web server processes `npm start` runs on its port (node:cluster); default: one per core, at most 4. */
  RATCHET_WEB_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
  /** While the web is busy, replay writes go one at a time per worker, each followed by a pause this many times its duration (0: never yields; lib/replay/web-pressure.ts). */
  RATCHET_REPLAY_YIELD: z.coerce.number().min(0).max(20).default(7),
  /** Connections per process to PostgreSQL. */
  RATCHET_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Signs sessions and encrypts stored secrets; ≥ 32 characters. npm start keeps one in RATCHET_DATA_DIR when unset. */
  RATCHET_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Where connectors may call: `default`, `public`, or a comma-separated list of hosts and CIDRs (lib/connectors/outbound). */
  RATCHET_MODEL_HOSTS: z
    .string()
    .trim()
    .min(1)
    .default("default")
    .superRefine((text, ctx) => {
      try {
        parseModelHostPolicy(text);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** Bytes read from one model answer at most; past it the call is an error. */
  RATCHET_MAX_MODEL_RESPONSE_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Reverse proxies whose X-Forwarded-For is believed (comma-separated IPs/CIDRs). Unset: none, the TCP peer is the client. */
  RATCHET_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every(isAddressOrRange), { message: "must be comma-separated IP addresses or CIDR ranges (10.0.0.1, 10.0.0.0/8, ::1)" }),
  /** A static Bearer token Prometheus may scrape GET /api/metrics with (besides API tokens with scope read). Unset: tokens only. */
  RATCHET_METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
  /** pino level of every process's logs (lib/log/logger.mjs reads it; checked here). */
  RATCHET_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

function isAddressOrRange(value: string): boolean {
  try {
    proxyAddr.compile(value);
    return true;
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it to the embedded database).");
  return url;
}

export function requireSecret(): string {
  const secret = env().RATCHET_SECRET;
  if (!secret) throw new Error("RATCHET_SECRET is not set (npm start creates one in RATCHET_DATA_DIR/secret).");
  return secret;
}

/** Base URL the app is reached at, for links and cookie security. */
export function publicUrl(): string {
  const e = env();
  return e.RATCHET_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
}
