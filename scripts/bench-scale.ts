// npm run bench:scale — Ratchet at scale: 1,000 problems × 15 patterns × 100
// model versions = 1.5 M results, seeded with INSERT … SELECT generate_series into
// a scratch database, then served by a real Next server (`npm start`'s script:
// next build when needed + next start, on BENCH_PORT, default 3314). Every
// measurement is a real HTTP request (keep-alive, one at a time) with a session
// cookie; p50/p95 over BENCH_RUNS (≥ 50) requests after a warm-up.
//   DATABASE_URL set: a scratch database on that PostgreSQL server (full scale).
//   --embedded:       an embedded PostgreSQL (PGlite) at 10% scale (100 problems).
//   --scale F:        another fraction of the full size.
//   --seed-only:      seed, report the insert rate, stop.
//   BENCH_KEEP=1:     keep the seeded database as ratchet_bench_scale_kept, to explore it.
// The scratch database is dropped at the end, also when the run fails.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { createThrowawayDatabase } from "../lib/db/tooling/throwaway-database";
import { percentile, startBenchServer, stopBenchServer, waitForBenchServer } from "./testing/bench-server";

const { values } = parseArgs({
  options: { embedded: { type: "boolean", default: false }, scale: { type: "string" }, "seed-only": { type: "boolean", default: false } },
});
const embedded = values.embedded || !process.env.DATABASE_URL;
const scale = Number(values.scale ?? (embedded ? 0.1 : 1));
const PROBLEMS = Math.max(1, Math.round(1_000 * scale));
const PATTERNS_PER_PROBLEM = 15;
const VERSIONS = 100;
const RUNS = Math.max(50, Number(process.env.BENCH_RUNS ?? 50));
const PORT = Number(process.env.BENCH_PORT ?? 3314);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "bench-password-0123456789";
const EMAIL = "bench@example.com";

const pad = (prefix: string, n: string) => `'${prefix}' || lpad((${n})::text, 21, '0')`;
const log = (message: string) => console.log(`[bench:scale] ${message}`);

/** BENCH_KEEP=1: renames the scratch database out of the throwaway naming scheme, so neither this process's exit nor a later sweep drops it. */
async function keep(url: string, name: string) {
  const kept = "ratchet_bench_scale_kept";
  const admin = new pg.Client({ connectionString: url.replace(`/${name}`, "/postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${kept}" WITH (FORCE)`);
    await admin.query(`ALTER DATABASE "${name}" RENAME TO "${kept}"`);
  } finally {
    await admin.end();
  }
  log(`kept the database: ${url.replace(`/${name}`, `/${kept}`)} (drop it when done)`);
}

async function withScratchDatabase<T>(run: (url: string, kind: string) => Promise<T>): Promise<T> {
  const database = await createThrowawayDatabase("ratchet_bench_scale", embedded ? { serverUrl: undefined } : {});
  let failed = true;
  try {
    const value = await run(database.url, database.kind === "postgresql" ? "PostgreSQL" : "embedded PGlite");
    failed = false;
    return value;
  } finally {
    if (process.env.BENCH_KEEP === "1" && !failed && database.kind === "postgresql") await keep(database.url, database.name);
    await database.drop(); // after keep(): no database by that name is left to drop
  }
}

/** One version's results: each problem has its own base error rate and drift across versions; 1% of calls error. */
function insertResults(v: number, patterns: number) {
  return `INSERT INTO results (id, project_id, problem_id, pattern_id, pattern_revision_id, model_version_id, replay_run_id,
                               output, verdict, error_reason, latency_ms, created_at, updated_at)
          SELECT ${pad("crs", `n * ${VERSIONS} + ${v}`)}, 'cprojbench00000000000000', ${pad("cpr", `1 + (n - 1) / ${PATTERNS_PER_PROBLEM}`)},
                 ${pad("cpt", "n")}, ${pad("cpv", "n")}, ${pad("cmv", String(v))}, ${pad("crr", String(v))},
                 CASE verdict WHEN 'error' THEN NULL WHEN 'fail' THEN '"negative"'::jsonb ELSE '"positive"'::jsonb END,
                 verdict::"Verdict", CASE WHEN verdict = 'error' THEN 'timeout after 10000 ms' END, (random() * 80)::int, now(), now()
          FROM (
            SELECT n, CASE WHEN random() < 0.01 THEN 'error'
                           WHEN random() < greatest(0.0, least(0.9, ((n - 1) / ${PATTERNS_PER_PROBLEM} * 37 % 50) / 100.0
                                                            + (${v} - 50) * ((((n - 1) / ${PATTERNS_PER_PROBLEM}) * 13 % 7) - 3) / 1000.0))
                           THEN 'fail' ELSE 'pass' END AS verdict
            FROM generate_series(1, ${patterns}) n
          ) s`;
}

/** Seeds the project; returns the seconds spent writing results (the figure the target is about). */
async function seed(client: pg.Client, url: string) {
  const q = (sql: string) => client.query(sql);
  await q(`INSERT INTO projects (id, slug, name, output_kind, key_prefix, labels, next_problem_number, created_at, updated_at)
           VALUES ('cprojbench00000000000000', 'scale', 'Scale bench', 'label', 'S', ARRAY['positive','negative'], ${PROBLEMS + 1}, now(), now())`);
  await q(`INSERT INTO model_versions (id, project_id, name, version, status, connector_kind, connector, created_at, updated_at)
           SELECT ${pad("cmv", "v")}, 'cprojbench00000000000000', 'scale', '1.' || v,
                  (CASE WHEN v = ${VERSIONS - 10} THEN 'production' ELSE 'candidate' END)::"ModelStatus",
                  'predictions', '{"kind":"predictions"}', now() - (${VERSIONS} - v) * interval '1 hour', now()
           FROM generate_series(1, ${VERSIONS}) v`);
  await q(`INSERT INTO problems (id, project_id, number, key, title, severity, status, target, created_at, updated_at)
           SELECT ${pad("cpr", "n")}, 'cprojbench00000000000000', n, 'S-' || n,
                  'Problem ' || n || ': ' || (ARRAY['sarcasm','negation','emoji','spanish','mixed'])[1 + n % 5] || ' reviews',
                  (ARRAY['critical','high','medium','low'])[1 + n % 4]::"Severity",
                  (ARRAY['open','monitoring','resolved','wont_fix'])[1 + (n / 4) % 4]::"ProblemStatus",
                  0.1 + (n % 5) / 20.0, now(), now()
           FROM generate_series(1, ${PROBLEMS}) n`);
  const patterns = PROBLEMS * PATTERNS_PER_PROBLEM;
  await q(`INSERT INTO patterns (id, project_id, problem_id, name, purpose, origin, created_at, updated_at)
           SELECT ${pad("cpt", "n")}, 'cprojbench00000000000000', ${pad("cpr", `1 + (n - 1) / ${PATTERNS_PER_PROBLEM}`)},
                  'pattern ' || (1 + (n - 1) % ${PATTERNS_PER_PROBLEM}),
                  (CASE WHEN n % 5 = 0 THEN 'control' ELSE 'case' END)::"PatternPurpose", 'contrived', now(), now()
           FROM generate_series(1, ${patterns}) n`);
  await q(`INSERT INTO pattern_revisions (id, project_id, pattern_id, number, input_kind, input, input_hash, expectation, created_at)
           SELECT ${pad("cpv", "n")}, 'cprojbench00000000000000', ${pad("cpt", "n")}, 1, 'text',
                  to_jsonb('review text number ' || n || ', long enough to look like a real one'), md5(n::text),
                  '{"kind":"equals","value":"positive"}', now()
           FROM generate_series(1, ${patterns}) n`);
  await q(`UPDATE patterns SET current_revision_id = 'cpv' || substr(id, 4)`);
  await q(`INSERT INTO replay_runs (id, project_id, model_version_id, trigger, status, total, created_at, finished_at)
           SELECT ${pad("crr", "v")}, 'cprojbench00000000000000', ${pad("cmv", "v")}, 'seed', 'completed', ${patterns}, now(), now()
           FROM generate_series(1, ${VERSIONS}) v`);

  // Bulk load, as a restore would do it: foreign-key checks and the error_rate_counts
  // triggers off (the ids are generated consistent and checked below), secondary
  // indexes dropped; then the counts are computed once by aggregate and the indexes
  // rebuilt — all inside the timed window. The triggers' per-write upkeep is what
  // replays use; its equality with the aggregate is proven by the property test in
  // lib/results and checked again below after a write through the triggers.
  // Two connections share the work (one backend per core): versions alternate between
  // them, then the counting and the index builds, with a generous sort memory.
  const started = performance.now();
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'results' AND indexname <> 'results_pkey'`,
  );
  await q(`ALTER TABLE results DISABLE TRIGGER ALL`);
  for (const index of indexes) await q(`DROP INDEX "${index.name}"`);
  const second = new pg.Client({ connectionString: url });
  await second.connect();
  const lanes = [client, second];
  let inserted = started;
  try {
    for (const lane of lanes) await lane.query(`SET maintenance_work_mem = '512MB'`);
    await Promise.all(
      lanes.map(async (lane, l) => {
        for (let v = 1 + l; v <= VERSIONS; v += lanes.length) await lane.query(insertResults(v, patterns));
      }),
    );
    inserted = performance.now();
    // Counting and the index builds are independent: the two connections take them
    // from one queue, the counting first (it is the longest single step).
    const tasks = [
      `INSERT INTO error_rate_counts (problem_id, model_version_id, project_id, version_registered_at, passed, failed, errored, ungraded)
       SELECT r.problem_id, r.model_version_id, min(r.project_id), min(mv.created_at),
              count(*) FILTER (WHERE r.verdict = 'pass'), count(*) FILTER (WHERE r.verdict = 'fail'),
              count(*) FILTER (WHERE r.verdict = 'error'), count(*) FILTER (WHERE r.verdict IS NULL)
       FROM results r
       JOIN patterns p ON p.current_revision_id = r.pattern_revision_id AND p.archived_at IS NULL
       JOIN model_versions mv ON mv.id = r.model_version_id
       GROUP BY r.problem_id, r.model_version_id`,
      ...indexes.map((index) => index.definition),
    ];
    await Promise.all(
      lanes.map(async (lane) => {
        for (let task = tasks.shift(); task !== undefined; task = tasks.shift()) await lane.query(task);
      }),
    );
  } finally {
    await second.end();
  }
  await q(`ALTER TABLE results ENABLE TRIGGER ALL`);
  const resultSeconds = (performance.now() - started) / 1000;
  log(`results: ${((inserted - started) / 1000).toFixed(1)} s inserting on 2 connections, ${((performance.now() - inserted) / 1000).toFixed(1)} s counting and rebuilding ${indexes.length} indexes`);

  // The runs' items (what unstable detection reads), and a second replay of the
  // last version whose verdict differs on 2% of the patterns (a non-deterministic model).
  await q(`SET session_replication_role = replica`);
  await q(`INSERT INTO replay_run_items (run_id, pattern_revision_id, project_id, finished_at, verdict)
           SELECT replay_run_id, pattern_revision_id, project_id, updated_at, verdict FROM results`);
  await q(`INSERT INTO replay_runs (id, project_id, model_version_id, trigger, status, total, created_at, finished_at)
           VALUES ('crrbenchrerun000000000000', 'cprojbench00000000000000', ${pad("cmv", String(VERSIONS))}, 'manual', 'completed', ${patterns}, now(), now())`);
  await q(`INSERT INTO replay_run_items (run_id, pattern_revision_id, project_id, finished_at, verdict)
           SELECT 'crrbenchrerun000000000000', pattern_revision_id, project_id, now(),
                  CASE WHEN random() < 0.02 AND verdict = 'pass' THEN 'fail'::"Verdict" ELSE verdict END
           FROM results WHERE model_version_id = ${pad("cmv", String(VERSIONS))}`);
  await q(`SET session_replication_role = DEFAULT`);
  const { rows: orphans } = await client.query<{ n: number }>(`
    SELECT count(*)::int AS n FROM results r
    WHERE NOT EXISTS (SELECT 1 FROM pattern_revisions pr WHERE pr.id = r.pattern_revision_id AND pr.pattern_id = r.pattern_id)
       OR NOT EXISTS (SELECT 1 FROM patterns p WHERE p.id = r.pattern_id AND p.problem_id = r.problem_id)
       OR NOT EXISTS (SELECT 1 FROM model_versions mv WHERE mv.id = r.model_version_id)`);
  if (orphans[0]!.n !== 0) throw new Error(`${orphans[0]!.n} results reference rows that do not exist`);
  // A write through the triggers (verdicts of one problem flipped on ten versions), then
  // the counts against the aggregate for that problem: the bulk counts and the triggers agree.
  await q(`UPDATE results SET verdict = (CASE verdict WHEN 'pass' THEN 'fail' WHEN 'fail' THEN 'pass' ELSE 'error' END)::"Verdict"
           WHERE problem_id = ${pad("cpr", "7")} AND model_version_id <= ${pad("cmv", "10")}`);
  const { rows: mismatches } = await client.query<{ n: number }>(`
    SELECT count(*)::int AS n FROM (
      SELECT r.model_version_id, count(*) FILTER (WHERE r.verdict = 'pass') AS passed, count(*) FILTER (WHERE r.verdict = 'fail') AS failed,
             count(*) FILTER (WHERE r.verdict = 'error') AS errored
      FROM results r WHERE r.problem_id = ${pad("cpr", "7")} GROUP BY r.model_version_id
      EXCEPT
      SELECT c.model_version_id, c.passed, c.failed, c.errored FROM error_rate_counts c WHERE c.problem_id = ${pad("cpr", "7")}
    ) d`);
  if (mismatches[0]!.n !== 0) throw new Error("error_rate_counts differs from the aggregate over results");
  await q(`VACUUM ANALYZE`);
  return { resultSeconds, results: patterns * VERSIONS };
}

async function measure(name: string, url: string, headers: Record<string, string>) {
  const get = async () => {
    const response = await fetch(url, { headers });
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`${name}: ${url} answered ${response.status}: ${Buffer.from(body).toString().slice(0, 300)}`);
    return body.byteLength;
  };
  const bytes = await get(); // warm-up: compiled route, connections, plan cache
  await get();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await get();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, bytes, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]! };
}

await withScratchDatabase(async (url, kind) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let seeded;
  try {
    log(`${kind}: seeding ${PROBLEMS} problems × ${PATTERNS_PER_PROBLEM} patterns × ${VERSIONS} model versions …`);
    seeded = await seed(client, url);
    const { rows } = await client.query<{ count: string }>("SELECT count(*) FROM results");
    if (Number(rows[0]!.count) !== seeded.results) throw new Error(`seeded ${rows[0]!.count} results, expected ${seeded.results}`);
  } finally {
    await client.end();
  }
  const seedLine =
    `${kind}: ${seeded.results.toLocaleString("en")} results in ${seeded.resultSeconds.toFixed(1)} s = ` +
    `${Math.round(seeded.results / seeded.resultSeconds).toLocaleString("en")} results/s (INSERT … SELECT generate_series on 2 connections, counts aggregated once, indexes rebuilt, all inside the time)`;
  if (values["seed-only"]) return console.log(seedLine);

  // An admin, through the app's own account code (password hashing included).
  process.env.DATABASE_URL = url;
  const { createAccount } = await import("../lib/users/create-account");
  const { prisma } = await import("../lib/db/prisma");
  // A long timeout: password hashing (scrypt) in the transaction is slow on a loaded machine.
  await prisma().$transaction((tx) => createAccount(tx, { name: "Bench", email: EMAIL, password: PASSWORD }, "admin"), { timeout: 120_000 });
  await prisma().$disconnect();

  const server = startBenchServer({
    name: "bench-scale",
    port: PORT,
    databaseUrl: url,
    env: { RATCHET_SECRET: "bench-scale-secret-0123456789abcdefghijkl" },
  });
  try {
    await waitForBenchServer(server, BASE);
    const signIn = await fetch(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const headers = { cookie };

    const projectId = "cprojbench00000000000000";
    const candidate = `cmv${String(VERSIONS).padStart(21, "0")}`;
    const middle = `S-${Math.ceil(PROBLEMS / 2)}`;
    const results = [
      await measure("API  GET /api/v1/projects/{id}/error-rates (first page)", `${BASE}/api/v1/projects/${projectId}/error-rates`, headers),
      await measure("page /projects/scale (dashboard)", `${BASE}/projects/scale`, headers),
      await measure(`page /projects/scale/problems/${middle} (15 × ${VERSIONS} matrix)`, `${BASE}/projects/scale/problems/${middle}`, headers),
    ];
    const compare = await fetch(`${BASE}/api/v1/models/${candidate}/compare`, { headers });
    await compare.arrayBuffer();
    if (!compare.headers.get("content-type")?.includes("json")) {
      log("compare API: no such route on this branch; not measured");
    } else {
      results.push(await measure("API  GET /api/v1/models/{id}/compare (vs production)", `${BASE}/api/v1/models/${candidate}/compare`, headers));
    }

    console.log(`\n${seedLine}`);
    console.log(`over HTTP to next start on ${BASE}, ${RUNS} sequential requests each after 2 warm-ups\n`);
    const width = Math.max(...results.map((r) => r.name.length));
    console.log(`${"request".padEnd(width)}   p50 ms   p95 ms   max ms   bytes`);
    for (const r of results) {
      console.log(`${r.name.padEnd(width)}  ${r.p50.toFixed(1).padStart(7)}  ${r.p95.toFixed(1).padStart(7)}  ${r.max.toFixed(1).padStart(7)}   ${r.bytes}`);
    }
  } finally {
    await stopBenchServer(server);
  }
});
