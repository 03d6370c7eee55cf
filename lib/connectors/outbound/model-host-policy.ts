import { env, publicUrl } from "@/lib/env";
import { parseModelHostPolicy, type ModelHostPolicy } from "./parse-model-host-policy";

/** The app's origins: the public URL, and loopback on its port (how the demo's connectors reach it). */
function appOrigins(): string[] {
  const port = env().PORT;
  const origins = [publicUrl(), `http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];
  return [...new Set(origins.map((origin) => new URL(origin).origin))];
}

let cached: ModelHostPolicy | undefined;

/** The process's policy, from RATCHET_MODEL_HOSTS, DATABASE_URL and the app's own URL (parsed once). */
export function modelHostPolicy(): ModelHostPolicy {
  cached ??= parseModelHostPolicy(env().RATCHET_MODEL_HOSTS, { databaseUrl: env().DATABASE_URL, appOrigins: appOrigins() });
  return cached;
}
