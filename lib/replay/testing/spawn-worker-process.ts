import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** Starts `scripts/worker.ts` as its own OS process (one node process, so SIGKILL kills the worker itself). */
export async function spawnWorkerProcess(databaseUrl: string, args: string[] = []): Promise<{ child: ChildProcess; output: () => string }> {
  const root = process.cwd();
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(root, "scripts/worker.ts"), ...args], {
    cwd: root,
    // info: the integration setup quiets this process's logs to warn, but "worker ready" is an info line.
    env: { ...process.env, RATCHET_LOG_LEVEL: "info", DATABASE_URL: databaseUrl, RATCHET_SECRET: process.env.RATCHET_SECRET ?? "integration-tests-secret-0123456789abcdef" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL"); // never leave a worker behind a failed start
      reject(new Error(`worker did not start:\n${output}`));
    }, 180_000);
    const check = () => {
      if (output.includes("worker ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code}):\n${output}`));
    });
  });
  return { child, output: () => output };
}
