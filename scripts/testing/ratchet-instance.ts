import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

// The real `npm start` (or another npm script) on an embedded database, for the
// integration tests that drive whole processes (start, backup/restore, crash
// tests). Each instance runs in its own process group (detached) so a test can
// signal all of it; loopback only; callers kill what they start in afterAll.

export const ROOT = path.resolve(import.meta.dirname, "../..");

export type RatchetInstance = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
};

/** `npm run <script>` (default `start`) in a new process group, with the embedded database in `dataDir` on explicit ports. */
export function spawnRatchet(options: { dataDir: string; webPort: number; dbPort: number; script?: string; args?: string[]; env?: Record<string, string> }): RatchetInstance {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "RATCHET_SECRET", "RATCHET_DEMO", "RATCHET_PUBLIC_URL", "RATCHET_DEMO_LATENCY_MS", "NODE_OPTIONS"]) delete env[name];
  Object.assign(env, {
    NODE_ENV: "production",
    PORT: String(options.webPort),
    RATCHET_HOST: "127.0.0.1",
    RATCHET_DATA_DIR: options.dataDir,
    RATCHET_EMBEDDED_DB_PORT: String(options.dbPort),
    NEXT_TELEMETRY_DISABLED: "1",
    // The integration setup quiets this process's logs to warn; the instance's "worker ready" is an info line.
    RATCHET_LOG_LEVEL: "info",
    ...options.env,
  });
  const script = options.script ?? "start";
  const npmArgs = script === "start" ? ["start"] : ["run", script, "--", ...(options.args ?? [])];
  const child = spawn("npm", npmArgs, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, atMs: performance.now() })),
  );
  return { child, output: () => output, exited };
}

/** Polls `probe` every 200 ms until it returns a value (not undefined/false); fails when `instance` exits first or on timeout (a hang). */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, instance?: RatchetInstance): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (instance && instance.child.exitCode !== null) throw new Error(`npm start exited (${instance.child.exitCode}) while waiting for ${what}:\n${instance.output().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${instance ? `:\n${instance.output().slice(-3000)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const waitUntilReady = (instance: RatchetInstance, webPort: number) =>
  waitFor("the app to serve and the worker to start", async () => instance.output().includes("worker ready") && (await fetch(`http://127.0.0.1:${webPort}/api/health`)).ok, 240_000, instance);

export function embeddedDatabaseUrl(dataDir: string, port: number): string {
  const password = readFileSync(path.join(dataDir, "db-password"), "utf8").trim();
  return `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/** One connection to the instance's embedded database (through its wire server, with its password). */
export async function withDatabase<T>(dataDir: string, port: number, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl(dataDir, port) });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILLs every process of each instance's group (afterAll); a group already gone is fine. */
export function killGroups(instances: RatchetInstance[]) {
  for (const { child } of instances) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** The pid of the web server (scripts/serve-next.mjs, Next in-process) inside an instance's process group. */
export function findWebServerPid(instance: RatchetInstance): number {
  const ps = spawnSync("ps", ["-o", "pid=,args=", "-g", String(instance.child.pid)], { encoding: "utf8" }).stdout;
  const line = ps.split("\n").find((l) => l.includes("serve-next.mjs"));
  if (!line) throw new Error(`no web server process in group ${instance.child.pid}:\n${ps}`);
  return Number(line.trim().split(/\s+/)[0]);
}

/** Signs in through better-auth with a demo account of `dataDir`; returns the session cookie header. */
export async function signInDemo(baseUrl: string, dataDir: string, role: string): Promise<string> {
  const credentials = JSON.parse(readFileSync(path.join(dataDir, "demo-credentials.json"), "utf8")) as { role: string; email: string; password: string }[];
  const account = credentials.find((c) => c.role === role);
  if (!account) throw new Error(`no demo ${role} in ${dataDir}`);
  return signIn(baseUrl, account.email, account.password);
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (!response.ok || !cookie) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookie;
}
