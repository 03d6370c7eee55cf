#!/usr/bin/env node
// ratchet — Ratchet's command line for CI pipelines. Plain Node ≥ 20, no
// dependencies (node:util parseArgs, global fetch), so a pipeline can run it
// from the repository (`npx ratchet …`) or download it from any instance:
//   curl -fsSL "$RATCHET_URL/cli/ratchet.mjs" -o ratchet.mjs && node ratchet.mjs gate …
//
// Exit codes: 0 pass (or done), 1 gate fails, 2 gate still pending (after
// waiting), 3 usage, authentication or connection error.

import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

const EXIT = { pass: 0, fail: 1, pending: 2, error: 3 };
const POLL_MS = 5_000;
const DEFAULT_WAIT_SECONDS = 600;

const USAGE = `ratchet — ask a Ratchet instance whether a model version may ship

Usage:
  ratchet gate --model MODEL_ID [--wait SECONDS] [--json] [--url URL] [--token TOKEN]
  ratchet register --project PROJECT_ID --name NAME --version VERSION --connector FILE.json
                   [--wait [SECONDS]] [--json] [--url URL] [--token TOKEN]
  ratchet --help

Commands:
  gate       Prints the release gate's decision and its reasons.
             Exit 0 pass, 1 fail, 2 pending, 3 usage/auth/connection error.
             --wait SECONDS  while the decision is pending (replay running, grades or
                             sign-offs to come), ask again every 5 s for up to SECONDS,
                             with a progress line on stderr.
             --json          print the gate's JSON response instead of text.
  register   Registers a model version (which starts its replay) and prints its id.
             FILE.json is the connector ({ "kind": "openinference", "baseUrl": … }) or
             an object with "connector" and other fields of the API (connectorSecrets,
             trainedAt, metrics, sourceUrl, status, …).
             --wait [SECONDS] wait for the registration replay to finish (default
                             ${DEFAULT_WAIT_SECONDS} s); exit 2 if it is still running. Needs scope read too.
             --json          print the registered version's JSON instead of its id.

Options:
  --url URL       the instance, e.g. https://ratchet.example.com   (env RATCHET_URL)
  --token TOKEN   an API token: scope gate or read for gate, write for register
                  (env RATCHET_TOKEN)
  -h, --help      this help
`;

class CliError extends Error {}

/** `--wait` with no value (last, or before another flag) means the default wait. */
function normaliseArgs(args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    out.push(args[i]);
    if (args[i] === "--wait" && (i + 1 >= args.length || args[i + 1].startsWith("-"))) out.push(String(DEFAULT_WAIT_SECONDS));
  }
  return out;
}

function parse(args, options) {
  try {
    return parseArgs({
      args: normaliseArgs(args),
      strict: true,
      allowPositionals: false,
      options: { url: { type: "string" }, token: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" }, ...options },
    }).values;
  } catch (error) {
    throw new CliError(error.message);
  }
}

function connection(values) {
  const url = values.url ?? process.env.RATCHET_URL;
  const token = values.token ?? process.env.RATCHET_TOKEN;
  if (!url) throw new CliError("missing --url (or RATCHET_URL)");
  if (!token) throw new CliError("missing --token (or RATCHET_TOKEN)");
  let base;
  try {
    base = new URL(url);
  } catch {
    throw new CliError(`--url is not a URL: ${url}`);
  }
  return { base: base.href.replace(/\/+$/, ""), token };
}

function required(values, names) {
  const missing = names.filter((name) => !values[name]);
  if (missing.length) throw new CliError(`missing ${missing.map((n) => `--${n}`).join(", ")}`);
}

function waitSeconds(value) {
  if (value === undefined) return 0;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new CliError(`--wait needs a number of seconds, not "${value}"`);
  return seconds;
}

/** An error the server answered, or the connection failing; `retryable` while waiting is worth another try. */
class RequestError extends Error {
  constructor(message, retryable) {
    super(message);
    this.retryable = retryable;
  }
}

async function request(conn, method, path, body) {
  let response;
  try {
    response = await fetch(`${conn.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${conn.token}`, accept: "application/json", ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new RequestError(`cannot reach ${conn.base}: ${error.cause?.message ?? error.message}`, true);
  }
  const text = await response.text();
  let data;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const detail = data?.error?.message ?? (text.slice(0, 200) || response.statusText);
    const fields = (data?.error?.fields ?? []).map((f) => `\n  ${f.path}: ${f.message}`).join("");
    const what = response.status === 401 ? "authentication failed" : response.status === 403 ? "not allowed" : `HTTP ${response.status}`;
    throw new RequestError(`${method} ${path}: ${what}: ${detail}${fields}`, response.status >= 500 || response.status === 429);
  }
  if (data === undefined) throw new RequestError(`${method} ${path}: the answer is not JSON (is --url a Ratchet instance?)`, false);
  return data;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks `ask()` until `done(answer)` or the deadline; retryable errors are retried until then. */
async function poll(ask, done, { seconds, progress }) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    let answer;
    try {
      answer = await ask();
    } catch (error) {
      if (!(error instanceof RequestError) || !error.retryable || Date.now() >= deadline) throw error;
      process.stderr.write(`ratchet: ${error.message}; retrying\n`);
    }
    const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    if (answer !== undefined && (done(answer) || left === 0)) return answer;
    if (answer !== undefined) process.stderr.write(`${progress(answer)} (${left} s left)\n`);
    await sleep(Math.min(POLL_MS, Math.max(250, deadline - Date.now())));
  }
}

function gateProgress(gate) {
  const { replay } = gate;
  const done = replay.patterns - replay.pending - replay.missing - replay.awaitingGrade;
  const parts = [`replay ${done}/${replay.patterns}`];
  if (replay.awaitingGrade) parts.push(`${replay.awaitingGrade} awaiting a grade`);
  if (replay.missing) parts.push(`${replay.missing} with no result`);
  const signoffs = gate.problems.filter((p) => p.checks.some((c) => c.rule === "signoff" && c.state === "pending")).length;
  if (signoffs) parts.push(`${signoffs} sign-off${signoffs === 1 ? "" : "s"} awaited`);
  return `pending: ${parts.join(", ")}`;
}

async function gateCommand(args) {
  const values = parse(args, { model: { type: "string" }, wait: { type: "string" } });
  if (values.help) return help();
  required(values, ["model"]);
  const seconds = waitSeconds(values.wait);
  const conn = connection(values);
  const path = `/api/v1/models/${encodeURIComponent(values.model)}/gate`;
  const gate = await poll(() => request(conn, "GET", path), (g) => g.decision !== "pending", { seconds, progress: gateProgress });

  if (values.json) {
    process.stdout.write(`${JSON.stringify(gate, null, 2)}\n`);
  } else {
    const label = `${gate.modelVersion.name} ${gate.modelVersion.version}`;
    const lines = [`gate ${gate.decision.toUpperCase()}: ${label}`];
    for (const reason of gate.reasons) lines.push(`  - ${reason}`);
    if (gate.decision === "pass") lines.push(`  every check met on ${gate.problems.length} problem${gate.problems.length === 1 ? "" : "s"}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return EXIT[gate.decision] ?? EXIT.error;
}

async function registerCommand(args) {
  const values = parse(args, {
    project: { type: "string" },
    name: { type: "string" },
    version: { type: "string" },
    connector: { type: "string" },
    wait: { type: "string" },
  });
  if (values.help) return help();
  required(values, ["project", "name", "version", "connector"]);
  const seconds = waitSeconds(values.wait);
  const conn = connection(values);

  let file;
  try {
    file = JSON.parse(await readFile(values.connector, "utf8"));
  } catch (error) {
    throw new CliError(`cannot read the connector file ${values.connector}: ${error.message}`);
  }
  if (typeof file !== "object" || file === null || Array.isArray(file)) throw new CliError(`${values.connector} must hold a JSON object`);
  const fields = "kind" in file ? { connector: file } : file;
  const created = await request(conn, "POST", `/api/v1/projects/${encodeURIComponent(values.project)}/models`, { ...fields, name: values.name, version: values.version });

  let exit = EXIT.pass;
  if (values.wait !== undefined) {
    const path = `/api/v1/models/${encodeURIComponent(created.id)}/replays?limit=1`;
    const active = (page) => ["queued", "running"].includes(page.items[0]?.status);
    const page = await poll(() => request(conn, "GET", path), (p) => !active(p), {
      seconds,
      progress: (p) => `replay ${p.items[0].total - p.items[0].pending}/${p.items[0].total} (${p.items[0].status})`,
    });
    const run = page.items[0];
    if (run && active(page)) exit = EXIT.pending;
    if (run) process.stderr.write(`replay ${run.status}: ${run.passed} passed, ${run.failed} failed, ${run.errored} errored, ${run.ungraded} awaiting a grade\n`);
  }
  process.stdout.write(values.json ? `${JSON.stringify(created, null, 2)}\n` : `${created.id}\n`);
  return exit;
}

function help() {
  process.stdout.write(USAGE);
  return EXIT.pass;
}

async function main(argv) {
  const [command, ...args] = argv;
  if (command === undefined) {
    process.stderr.write(USAGE);
    return EXIT.error;
  }
  if (command === "--help" || command === "-h" || command === "help") return help();
  if (command === "gate") return gateCommand(args);
  if (command === "register") return registerCommand(args);
  throw new CliError(`unknown command "${command}"`);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CliError) process.stderr.write(`ratchet: ${error.message}\nRun "ratchet --help" for usage.\n`);
  else if (error instanceof RequestError) process.stderr.write(`ratchet: ${error.message}\n`);
  else process.stderr.write(`ratchet: ${error?.stack ?? error}\n`);
  process.exitCode = EXIT.error;
}
