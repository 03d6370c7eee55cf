import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIfNeeded } from "./build-if-needed";
import { startHoldingModelServer, type HoldingModelServer } from "./testing/holding-model-server";
import {
  embeddedDatabaseUrl,
  findWebServerPid,
  isListening,
  killGroups,
  signInDemo,
  spawnRatchet,
  waitFor,
  waitUntilReady,
  withDatabase,
  type RatchetInstance,
} from "./testing/ratchet-instance";

// Issue 12, item 5 (two of its crash tests): SIGKILL of the web process (scripts/serve-next.mjs,
// Next in-process) in the middle of an all-or-nothing import, and in the middle of a model
// version's registration, on the embedded database; then `npm start` again. Loopback only;
// every process is killed in afterAll. The kill is placed by events, not by timing:
// - import: once the request is sent, a probe connection asks the database `SELECT 1` in a
//   loop; the embedded wire server runs one transaction at a time, so a probe that stays
//   unanswered while no response has come means the import's transaction is open (the log
//   says which case happened, and the outcome is checked either way);
// - registration: the model server holds the registration's label check (kill before the
//   write), or the test waits for the committed row, holds the replay's calls and kills.

const WEB_PORT = 3412;
const DB_PORT = 3413;
const BASE = `http://127.0.0.1:${WEB_PORT}`;
const API_KEY = "sk-crash-test-0123456789";
const IMPORT_ROWS = 3_000;
const started: RatchetInstance[] = [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), "ratchet-crash-test-"));
let model: HoldingModelServer;
let instance: RatchetInstance;

const start = async () => {
  instance = spawnRatchet({ dataDir, webPort: WEB_PORT, dbPort: DB_PORT, env: { RATCHET_DEMO_PASSWORD: "crash-test-password-1" } });
  started.push(instance);
  await waitUntilReady(instance, WEB_PORT);
};
const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => withDatabase(dataDir, DB_PORT, async (c) => (await c.query<T>(sql, values)).rows);
const count = async (sql: string, values: unknown[] = []) => Number((await query<{ n: string }>(sql, values))[0]!.n);
const unfinishedRuns = () => count("SELECT count(*) AS n FROM replay_runs WHERE status NOT IN ('completed', 'failed', 'cancelled')");

/** SIGKILL to the web server alone; npm start then stops the rest (worker, database) and exits. */
async function killWebServer() {
  const pid = findWebServerPid(instance);
  process.kill(pid, "SIGKILL");
  const exit = await instance.exited;
  expect(instance.output()).toContain("[ratchet] stopped");
  return exit;
}

async function api<T>(cookie: string, pathname: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${BASE}/api/v1${pathname}`, { ...init, headers: { cookie, origin: BASE, "content-type": "application/json", ...init.headers } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${pathname}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  for (const port of [WEB_PORT, DB_PORT]) if (await isListening(port)) throw new Error(`port ${port} is taken`);
  const status = await buildIfNeeded({ log: (message) => console.log(`[crash test] ${message}`) });
  if (status !== 0) throw new Error(`next build failed (${status})`);
  model = await startHoldingModelServer(API_KEY);
  await start();
}, 30 * 60_000);

afterAll(async () => {
  killGroups(started);
  await model?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("SIGKILL of the web process", { timeout: 600_000 }, () => {
  it("in the middle of an all-or-nothing import leaves nothing or everything of it, never part", async () => {
    const cookie = await signInDemo(BASE, dataDir, "admin");
    // A project of its own without model versions, so an import that lands needs no back-fill replay.
    const project = await api<{ id: string }>(cookie, "/projects", { method: "POST", body: JSON.stringify({ name: "Crash import", slug: "crash-import", outputKind: "label", labels: ["positive", "negative", "neutral"], keyPrefix: "CRASH" }) });
    const problem = await api<{ key: string }>(cookie, `/projects/${project.id}/problems`, { method: "POST", body: JSON.stringify({ title: "Bulk", severity: "low", target: 0.2 }) });
    const body = Array.from({ length: IMPORT_ROWS }, (_, i) =>
      JSON.stringify({ problem: problem.key, name: `bulk ${i}`, purpose: "case", origin: "contrived", inputKind: "json", input: { text: `review number ${i}` }, expectation: { kind: "equals", value: "neutral" }, notes: "" }),
    ).join("\n");
    const patternsIn = () => count("SELECT count(*) AS n FROM patterns WHERE project_id = $1", [project.id]);
    expect(await patternsIn()).toBe(0);

    let answered = false;
    const request = http.request(`${BASE}/api/v1/projects/${project.id}/patterns/import`, { method: "POST", headers: { cookie, origin: BASE, "content-type": "application/x-ndjson" } });
    request.on("response", (res) => {
      answered = true;
      res.resume();
    });
    request.on("error", () => undefined); // the server dies under it
    const sent = new Promise<void>((resolve) => request.on("finish", resolve));
    request.end(body);
    await sent;

    const probe = new pg.Client({ connectionString: embeddedDatabaseUrl(dataDir, DB_PORT) });
    await probe.connect();
    probe.on("error", () => undefined);
    let blockedMs = 0;
    for (;;) {
      const askedAt = performance.now();
      const reply = probe.query("SELECT 1").then(() => true, () => true);
      // An unanswered probe for a full second while the import has not answered: its transaction holds the database.
      const outcome = await Promise.race([reply, new Promise<false>((resolve) => setTimeout(() => resolve(false), 1_000))]);
      if (answered) break;
      if (!outcome) {
        blockedMs = performance.now() - askedAt;
        break;
      }
    }
    await killWebServer();
    await probe.end().catch(() => undefined);
    const killedWhile = answered ? "after the response (the import had committed)" : blockedMs ? "while a transaction held the database" : "before the transaction";

    await start();
    const patterns = await patternsIn();
    const revisions = await count("SELECT count(*) AS n FROM pattern_revisions WHERE project_id = $1", [project.id]);
    const audits = await count("SELECT count(*) AS n FROM audit_events WHERE project_id = $1 AND action = 'pattern.import'", [project.id]);
    console.log(`[crash test] import of ${IMPORT_ROWS} patterns killed ${killedWhile}: ${patterns} patterns after restart`);
    expect([0, IMPORT_ROWS]).toContain(patterns);
    expect(revisions).toBe(patterns);
    expect(audits).toBe(patterns ? 1 : 0);
  });

  it("in the middle of a registration leaves either no model version, or one whose replay completes after restart with every result once", async () => {
    const cookie = await signInDemo(BASE, dataDir, "admin");
    const [project] = (await api<{ items: { id: string; slug: string }[] }>(cookie, "/projects?limit=100")).items.filter((p) => p.slug !== "crash-import");
    const register = (version: string) => {
      const done = fetch(`${BASE}/api/v1/projects/${project!.id}/models`, {
        method: "POST",
        headers: { cookie, origin: BASE, "content-type": "application/json" },
        body: JSON.stringify({ name: "crash-chat", version, connector: { kind: "openai", baseUrl: model.baseUrl, model: "tiny", promptTemplate: "{{input.text}}" }, connectorSecrets: { apiKey: API_KEY } }),
      }).then((r) => r.status, () => "connection lost");
      return done;
    };
    const versionsNamed = (version: string) => count("SELECT count(*) AS n FROM model_versions WHERE name = 'crash-chat' AND version = $1", [version]);

    // 1. Killed while the registration checks the model's labels (before its transaction).
    model.holdAfter(0);
    const first = register("1");
    await waitFor("the registration's label check to reach the model", async () => model.heldCount > 0, 60_000, instance);
    await killWebServer();
    console.log(`[crash test] registration 1 killed during its label check; the client saw: ${await first}`);
    model.release();
    await start();
    expect(await versionsNamed("1")).toBe(0);

    // 2. Killed once the registration has committed, with its replay in flight (the model holds its calls).
    const callsBefore = model.requests.length;
    const second = register("2");
    const modelVersionId = await waitFor("the registration to commit", async () => (await query<{ id: string }>("SELECT id FROM model_versions WHERE name = 'crash-chat' AND version = '2'"))[0]?.id, 60_000, instance);
    model.holdAfter(0);
    await killWebServer();
    console.log(`[crash test] registration 2 killed after its commit; the client saw: ${await second}; ${model.heldCount} model calls held`);
    model.release();
    await start();
    await waitFor("the registration's replay to complete after restart", async () => (await unfinishedRuns()) === 0, 240_000, instance);
    const [check] = await query<{ runs: string; status: string; total: number; errored: number; finished: string; results: string; duplicates: string; current: string }>(
      `SELECT (SELECT count(*) FROM replay_runs WHERE model_version_id = $1) AS runs,
              r.status, r.total, r.errored,
              (SELECT count(*) FROM replay_run_items i WHERE i.run_id = r.id AND i.finished_at IS NOT NULL) AS finished,
              (SELECT count(*) FROM results WHERE model_version_id = $1) AS results,
              (SELECT count(*) FROM (SELECT 1 FROM results WHERE model_version_id = $1 GROUP BY pattern_revision_id HAVING count(*) > 1) d) AS duplicates,
              (SELECT count(*) FROM patterns p WHERE p.project_id = r.project_id AND p.archived_at IS NULL) AS current
         FROM replay_runs r WHERE r.model_version_id = $1`,
      [modelVersionId],
    );
    expect(check).toMatchObject({ runs: "1", status: "completed", errored: 0, duplicates: "0" });
    expect(Number(check!.finished)).toBe(check!.total);
    expect(Number(check!.results)).toBe(check!.total);
    expect(Number(check!.current)).toBe(check!.total);
    expect(model.requests.slice(callsBefore).every((r) => r.authorization === `Bearer ${API_KEY}`)).toBe(true);
    expect(await versionsNamed("2")).toBe(1);
  });
});
