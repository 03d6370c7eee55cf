import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBackupFile } from "../lib/backup/read-backup-file";
import { buildIfNeeded } from "./build-if-needed";
import { startHoldingModelServer, type HoldingModelServer } from "./testing/holding-model-server";
import { isListening, killGroups, signInDemo, spawnRatchet, waitFor, waitUntilReady, withDatabase, type RatchetInstance } from "./testing/ratchet-instance";

// Issue 12, item 4: `npm run backup` of a RUNNING embedded instance (the demo, plus a
// model behind an API key) while a replay is in flight, `npm run restore` into a new
// data directory, and the restored instance started: same error rates per problem ×
// version, same sign-offs, same audit trail, the interrupted replay completed there,
// and the authenticated model still callable with the same secret. Loopback only;
// every process is killed in afterAll. The replay is held in flight by the model
// server (it stops answering after 10 calls), not by timing.

const WEB_PORT = 3410;
const DB_PORT = 3411;
const BASE = `http://127.0.0.1:${WEB_PORT}`;
const API_KEY = "sk-backup-test-0123456789";
const started: RatchetInstance[] = [];
const dirs: string[] = [];
let model: HoldingModelServer;

const newDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
const start = (dataDir: string) => {
  const instance = spawnRatchet({ dataDir, webPort: WEB_PORT, dbPort: DB_PORT, env: { RATCHET_DEMO_PASSWORD: "backup-test-password-1" } });
  started.push(instance);
  return instance;
};
async function runScript(script: "backup" | "restore", dataDir: string, args: string[]) {
  const instance = spawnRatchet({ dataDir, webPort: WEB_PORT, dbPort: 0, script, args });
  started.push(instance);
  const exit = await instance.exited;
  return { code: exit.code, output: instance.output() };
}
async function stop(instance: RatchetInstance) {
  process.kill(-instance.child.pid!, "SIGTERM");
  const exit = await instance.exited;
  expect(exit.code, instance.output().slice(-2000)).toBe(0);
}
async function api<T>(cookie: string, pathname: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${BASE}/api/v1${pathname}`, { ...init, headers: { cookie, origin: BASE, "content-type": "application/json", ...init.headers } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${pathname}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
async function listAll<T>(cookie: string, pathname: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await api(cookie, `${pathname}${pathname.includes("?") ? "&" : "?"}limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
const unfinishedRuns = (dataDir: string) =>
  withDatabase(dataDir, DB_PORT, async (c) => Number((await c.query<{ n: string }>("SELECT count(*) AS n FROM replay_runs WHERE status NOT IN ('completed', 'failed', 'cancelled')")).rows[0]!.n));

/** What the comparison reads from an instance through the API: error rates, every problem's sign-offs, the audit trail. */
async function readEvidence(cookie: string) {
  const [project] = await listAll<{ id: string }>(cookie, "/projects");
  const errorRates = await listAll<Record<string, unknown>>(cookie, `/projects/${project!.id}/error-rates`);
  const problems = await listAll<{ id: string; key: string }>(cookie, `/projects/${project!.id}/problems`);
  const signoffs: Record<string, unknown[]> = {};
  for (const problem of problems) signoffs[problem.key] = await listAll(cookie, `/problems/${problem.id}/signoffs`);
  const audit = await listAll<{ id: string | number }>(cookie, "/audit-events");
  return { projectId: project!.id, errorRates, signoffs, audit };
}

beforeAll(async () => {
  for (const port of [WEB_PORT, DB_PORT]) if (await isListening(port)) throw new Error(`port ${port} is taken`);
  const status = await buildIfNeeded({ log: (message) => console.log(`[backup test] ${message}`) });
  if (status !== 0) throw new Error(`next build failed (${status})`);
  model = await startHoldingModelServer(API_KEY);
}, 30 * 60_000);

afterAll(async () => {
  killGroups(started);
  await model?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("backup of a running instance, restore into a new one", { timeout: 600_000 }, () => {
  it("restores the numbers, sign-offs and audit trail, resumes the replay that was in flight, and still calls the authenticated model", async () => {
    const original = newDir("ratchet-backup-original-");
    const first = start(original);
    await waitUntilReady(first, WEB_PORT);
    await waitFor("the demo's replays and sign-offs", async () => first.output().includes("demo sign-offs:") && (await unfinishedRuns(original)) === 0, 300_000, first);
    const cookie = await signInDemo(BASE, original, "admin");
    const { projectId } = await readEvidence(cookie);

    // A model behind an API key: its secret is stored encrypted with the instance's secret.
    const registered = await api<{ id: string }>(cookie, `/projects/${projectId}/models`, {
      method: "POST",
      body: JSON.stringify({ name: "sentiment-chat", version: "1", connector: { kind: "openai", baseUrl: model.baseUrl, model: "tiny", promptTemplate: "{{input.text}}" }, connectorSecrets: { apiKey: API_KEY }, timeoutMs: 120_000 }),
    });
    await waitFor("the chat model's registration replay", async () => (await unfinishedRuns(original)) === 0, 120_000, first);

    // A replay held in flight: 10 calls answered, the rest wait on the model server.
    model.holdAfter(10);
    const run = await api<{ id: string }>(cookie, `/models/${registered.id}/replays`, { method: "POST", body: "{}" });
    // (The batch writes its outcomes when the next one arrives, so the 10 answered may still be unwritten: either way the run is mid-way.)
    const runStatus = () => withDatabase(original, DB_PORT, async (c) => (await c.query<{ status: string }>("SELECT status FROM replay_runs WHERE id = $1", [run.id])).rows[0]?.status);
    await waitFor("a call of the replay held", async () => model.heldCount > 0 && (await runStatus()) === "running", 120_000, first);

    const file = path.join(newDir("ratchet-backup-file-"), "ratchet.backup.gz");
    const backup = await runScript("backup", original, [file]);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain("through the running instance");
    expect(backup.output).toContain("the secret is NOT in the file");
    console.log(`[backup test] ${backup.output.split("\n").filter((l) => l.startsWith("[backup]")).join(" | ")}`);

    const { header, lines, close } = await readBackupFile(file);
    const auditTable = header.tables.find((t) => t.name === "audit_events")!;
    const idColumn = auditTable.columns.findIndex((c) => c.name === "id");
    const backedUpAuditIds = new Set<string>();
    let skip = header.tables.slice(0, header.tables.indexOf(auditTable)).reduce((n, t) => n + t.rows, 0);
    for (let line = await lines.next(); !line.done; line = await lines.next()) {
      if (skip-- > 0) continue;
      if (backedUpAuditIds.size === auditTable.rows) break;
      backedUpAuditIds.add((JSON.parse(line.value) as string[])[idColumn]!);
    }
    close();
    expect(header.secret.encryptedConnectorSecrets).toBe(1);
    const runInBackup = await withDatabase(original, DB_PORT, async (c) => (await c.query("SELECT status FROM replay_runs WHERE id = $1", [run.id])).rows[0]);
    expect(runInBackup).toEqual({ status: "running" }); // still held: the backup saw it mid-way

    model.release();
    await waitFor("the held replay to complete on the original", async () => (await unfinishedRuns(original)) === 0, 120_000, first);
    const before = await readEvidence(cookie);
    await stop(first);

    // A new data directory without the secret: refused, nothing written.
    const restoredDir = newDir("ratchet-backup-restored-");
    const refused = await runScript("restore", restoredDir, [file]);
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toContain("1 model version(s) have connector secrets encrypted with the backup's secret");
    copyFileSync(path.join(original, "secret"), path.join(restoredDir, "secret"));
    copyFileSync(path.join(original, "demo-credentials.json"), path.join(restoredDir, "demo-credentials.json"));
    const restore = await runScript("restore", restoredDir, [file]);
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toContain("1 unfinished replay run(s) will resume");
    console.log(`[backup test] ${restore.output.split("\n").filter((l) => l.startsWith("[restore]")).join(" | ")}`);
    const again = await runScript("restore", restoredDir, [file]);
    expect(again.code).toBe(1);
    expect(again.output).toContain("not empty");

    const callsBefore = model.requests.length;
    const restored = start(restoredDir);
    await waitUntilReady(restored, WEB_PORT);
    await waitFor("the resumed replay to complete on the restored instance", async () => (await unfinishedRuns(restoredDir)) === 0, 180_000, restored);
    const restoredCookie = await signInDemo(BASE, restoredDir, "admin"); // the same account and password
    const after = await readEvidence(restoredCookie);

    expect(after.errorRates).toEqual(before.errorRates);
    expect(after.signoffs).toEqual(before.signoffs);
    expect(Object.values(after.signoffs).flat().length).toBeGreaterThan(0);
    const inBackup = (events: { id: string | number }[]) => events.filter((e) => backedUpAuditIds.has(String(e.id)));
    expect(inBackup(after.audit)).toEqual(inBackup(before.audit));
    expect(inBackup(after.audit)).toHaveLength(auditTable.rows);

    // The resumed run called the model with the key decrypted by the same secret, and wrote each result once.
    const resumedCalls = model.requests.slice(callsBefore);
    expect(resumedCalls.length).toBeGreaterThan(0);
    expect(resumedCalls.every((r) => r.authorization === `Bearer ${API_KEY}`)).toBe(true);
    const check = await withDatabase(restoredDir, DB_PORT, async (c) => {
      const runRow = (await c.query<{ status: string; total: number; errored: number; finished: string; results: string; duplicates: string }>(
        `SELECT r.status, r.total, r.errored,
                (SELECT count(*) FROM replay_run_items i WHERE i.run_id = r.id AND i.finished_at IS NOT NULL) AS finished,
                (SELECT count(*) FROM results res WHERE res.replay_run_id = r.id) AS results,
                (SELECT count(*) FROM (SELECT 1 FROM results GROUP BY model_version_id, pattern_revision_id HAVING count(*) > 1) d) AS duplicates
           FROM replay_runs r WHERE r.id = $1`,
        [run.id],
      )).rows[0]!;
      return runRow;
    });
    expect(check).toMatchObject({ status: "completed", errored: 0, duplicates: "0" });
    expect(Number(check.finished)).toBe(check.total);
    expect(Number(check.results)).toBe(check.total);
    await stop(restored);
  });
});
