import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCli } from "@/app/cli/ratchet.mjs/route";
import { GET as getGate } from "@/app/api/v1/models/[modelId]/gate/route";
import { GET as getReplays } from "@/app/api/v1/models/[modelId]/replays/route";
import { POST as registerModel } from "@/app/api/v1/projects/[projectId]/models/route";
import { prisma } from "@/lib/db/prisma";
import { serveRoute } from "@/lib/testing/serve-route";
import { createTestToken, createTestUser } from "@/lib/testing/test-actors";
import { seedGateFixture, verdicts, type GateFixture } from "@/lib/gate/testing/seed-gate-fixture";

// bin/ratchet.mjs as CI runs it: a child process (plain node) talking HTTP to
// the real route handlers served on 127.0.0.1, against the real database.

const CLI = path.join(process.cwd(), "bin/ratchet.mjs");
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: { method: string; pattern: RegExp; handler: Handler }[] = [
  { method: "GET", pattern: /^\/api\/v1\/models\/(?<modelId>[^/]+)\/gate$/, handler: getGate as Handler },
  { method: "GET", pattern: /^\/api\/v1\/models\/(?<modelId>[^/]+)\/replays$/, handler: getReplays as Handler },
  { method: "POST", pattern: /^\/api\/v1\/projects\/(?<projectId>[^/]+)\/models$/, handler: registerModel as Handler },
];

let server: Awaited<ReturnType<typeof serveRoute>>;
let gateToken: string;
let writeToken: string;
let captureToken: string;
let f: GateFixture;
let passing: string;
let failing: string;

beforeAll(async () => {
  server = await serveRoute(async (request) => {
    const { pathname } = new URL(request.url);
    for (const route of ROUTES) {
      const match = route.pattern.exec(pathname);
      if (match && request.method === route.method) return route.handler(request, { params: Promise.resolve({ ...match.groups }) });
    }
    return new Response("no such route in this test server", { status: 404 });
  }, /^\//);
  const engineer = await createTestUser("engineer");
  gateToken = (await createTestToken(engineer, ["gate"])).secret;
  writeToken = (await createTestToken(engineer, ["write", "read"])).secret;
  captureToken = (await createTestToken(engineer, ["capture"])).secret;
  f = await seedGateFixture([{ target: 0.2 }]);
  passing = await f.addVersion("1");
  await f.setVerdicts(passing, 0, verdicts(10, 1));
  failing = await f.addVersion("2");
  await f.setVerdicts(failing, 0, verdicts(10, 5));
});

afterAll(async () => {
  await server?.close();
});

/** Runs the CLI as a child process; resolves with its exit code and output (never rejects on a non-zero exit). */
function ratchet(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Only PATH and what the test passes: no RATCHET_* leaking in from the environment.
    const childEnv = { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv;
    execFile(process.execPath, [CLI, ...args], { env: childEnv, timeout: 30_000, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const gateArgs = (model: string, ...more: string[]) => ["gate", "--url", server.url, "--token", gateToken, "--model", model, ...more];

describe("ratchet gate (child process, real HTTP)", () => {
  it("exits 0 on pass and prints the decision", async () => {
    const run = await ratchet(gateArgs(passing));
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toBe("gate PASS: model 1\n  every check met on 1 problem\n");
  });

  it("exits 1 on fail and prints every reason", async () => {
    const run = await ratchet(gateArgs(failing));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("gate FAIL: model 2\n  - GT-1: 50% above target 20% (n=10)\n");
  });

  it("exits 2 while pending after waiting, with a progress line; RATCHET_URL and RATCHET_TOKEN replace the flags", async () => {
    const pending = await f.addVersion("3");
    await f.setVerdicts(pending, 0, verdicts(10, 0));
    await f.startReplay(pending, f.problems[0]!.revisionIds.slice(0, 3));
    const started = Date.now();
    // 3 s: the progress line is written only when an answer comes before the deadline (a loaded CI machine can take over 1 s).
    const run = await ratchet(["gate", "--model", pending, "--wait", "3"], { RATCHET_URL: server.url, RATCHET_TOKEN: gateToken });
    expect(run.code, run.stderr).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
    expect(run.stderr).toMatch(/^pending: replay 7\/10 \(\d+ s left\)$/m);
    // The three being replayed again may still come back as failures: 3 of 10 would be above the 20% target.
    expect(run.stdout).toBe(
      "gate PENDING: model 3\n  - GT-1: replay incomplete: 3 still replaying of 10 patterns\n  - GT-1: 0% (n=7), target 20%: waiting for 3 outstanding results\n",
    );
  });

  it("--wait keeps asking until the replay completes, then exits with the decision", async () => {
    const version = await f.addVersion("4");
    await f.setVerdicts(version, 0, verdicts(10, 0));
    const runId = await f.startReplay(version, f.problems[0]!.revisionIds.slice(0, 2));
    const cli = ratchet([...gateArgs(version, "--wait", "20"), "--json"]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await prisma().replayRunItem.updateMany({ where: { runId }, data: { finishedAt: new Date(), verdict: "pass" } });
    await prisma().replayRun.update({ where: { id: runId }, data: { status: "completed", finishedAt: new Date() } });
    const run = await cli;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^pending: replay 8\/10/m);
    expect(JSON.parse(run.stdout)).toMatchObject({ decision: "pass", modelVersion: { id: version }, replay: { complete: true } });
  });

  it("exits 3 on usage, authentication and connection errors", async () => {
    const missing = await ratchet(["gate", "--url", server.url, "--token", gateToken]);
    expect(missing).toMatchObject({ code: 3, stdout: "" });
    expect(missing.stderr).toContain("missing --model");
    expect((await ratchet(["gate", "--model", passing, "--url", server.url])).stderr).toContain("missing --token (or RATCHET_TOKEN)");
    expect((await ratchet(["deploy"])).code).toBe(3);
    expect((await ratchet([...gateArgs(passing), "--colour"])).code).toBe(3);
    expect((await ratchet(gateArgs(passing, "--wait", "soon"))).code).toBe(3);

    const badToken = await ratchet(["gate", "--url", server.url, "--token", "rt_not-a-token", "--model", passing]);
    expect(badToken.code).toBe(3);
    expect(badToken.stderr).toContain("authentication failed");
    const wrongScope = await ratchet(["gate", "--url", server.url, "--token", captureToken, "--model", passing]);
    expect(wrongScope.code).toBe(3);
    expect(wrongScope.stderr).toContain("not allowed");
    const unknown = await ratchet(gateArgs("cl0000000000000000000000x"));
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("HTTP 404");

    const closed = await serveRoute(async () => new Response(null), /^\//);
    await closed.close();
    const refused = await ratchet(["gate", "--url", closed.url, "--token", gateToken, "--model", passing]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`cannot reach ${closed.url}`);
  });

  it("--help prints the usage and exits 0", async () => {
    const run = await ratchet(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("ratchet gate --model MODEL_ID [--wait SECONDS] [--json]");
  });
});

describe("ratchet register (child process, real HTTP)", () => {
  it("registers a version from a connector file and prints its id; --wait reports a replay still running with exit 2", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ratchet-cli-"));
    const connector = path.join(dir, "connector.json");
    await writeFile(connector, JSON.stringify({ kind: "openinference", baseUrl: "http://127.0.0.1:9/v2", model: "sentiment", inputName: "text", outputName: "label" }));
    const args = ["register", "--url", server.url, "--token", writeToken, "--project", f.projectId, "--name", "sentiment", "--connector", connector];

    const run = await ratchet([...args, "--version", "5.0"]);
    expect(run.code, run.stderr).toBe(0);
    const id = run.stdout.trim();
    const registered = await prisma().modelVersion.findUniqueOrThrow({ where: { id } });
    expect(registered).toMatchObject({ projectId: f.projectId, name: "sentiment", version: "5.0", connectorKind: "openinference" });
    expect(await prisma().replayRun.count({ where: { modelVersionId: id } })).toBe(1);

    // No worker runs in this test: the registration replay stays queued.
    const waited = await ratchet([...args, "--version", "5.1", "--wait", "1"]);
    expect(waited.code, waited.stderr).toBe(2);
    expect(waited.stderr).toMatch(/replay queued: 0 passed/);
    expect(await prisma().modelVersion.count({ where: { projectId: f.projectId, version: "5.1" } })).toBe(1);

    const duplicate = await ratchet([...args, "--version", "5.0"]);
    expect(duplicate.code).toBe(3);
    expect(duplicate.stderr).toContain("HTTP 409");
  });
});

describe("GET /cli/ratchet.mjs", () => {
  it("serves bin/ratchet.mjs as JavaScript without a session", async () => {
    const response = await getCli();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await response.text()).toBe(await readFile(CLI, "utf8"));
  });
});
