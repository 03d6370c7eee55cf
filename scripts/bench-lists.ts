// npm run bench:lists — server-side time of the list pages on a realistic
// project: 500 problems, 10,000 patterns (each with a revision), on a scratch
// database beside DATABASE_URL (or an embedded PostgreSQL when it is unset),
// dropped afterwards. Prints p50/p95 per measurement; the target is p95 ≤ 100 ms.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createThrowawayDatabase } from "../lib/db/tooling/throwaway-database";

const PROBLEMS = 500;
const PATTERNS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 50);

const id = () => `cb${randomBytes(11).toString("hex")}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(name: string, fn: () => Promise<unknown>) {
  await fn(); // warm-up: connection, plan cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, runs: RUNS, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]! };
}

const database = await createThrowawayDatabase("ratchet_bench");
const kind = database.kind === "postgresql" ? "PostgreSQL" : "embedded PGlite";
try {
  process.env.DATABASE_URL = database.url;
  // Imported after DATABASE_URL points at the scratch database: the Prisma client reads it once.
  const { prisma } = await import("../lib/db/prisma");
  const { searchProblems } = await import("../lib/problems/search-problems");
  const { problemListQuerySchema } = await import("../lib/problems/problem-list-query");
  const { listProblems } = await import("../lib/problems/list-problems");
  const { findProblemByKey } = await import("../lib/problems/find-problem-by-key");
  const { listProblemHistory } = await import("../lib/problems/list-problem-history");
  const { listErrorRates } = await import("../lib/results/list-error-rates");
  const { listModelVersions } = await import("../lib/models/list-model-versions");
  const db = prisma();

  const seedStart = performance.now();
  const projectId = id();
  await db.project.create({ data: { id: projectId, slug: "bench", name: "Bench", outputKind: "label", keyPrefix: "BENCH", labels: ["positive", "negative"], nextProblemNumber: PROBLEMS + 1 } });
  const severities = ["critical", "high", "medium", "low"] as const;
  const statuses = ["open", "monitoring", "resolved", "wont_fix"] as const;
  const problemIds = Array.from({ length: PROBLEMS }, id);
  await db.problem.createMany({
    data: problemIds.map((pid, i) => ({
      id: pid,
      projectId,
      number: i + 1,
      key: `BENCH-${i + 1}`,
      title: `Problem ${i + 1}: ${["sarcasm", "negation", "emoji", "spanish", "mixed"][i % 5]} reviews`,
      severity: severities[i % 4]!,
      status: statuses[(i >> 2) % 4]!,
      target: 0.1 + (i % 5) / 20,
    })),
  });
  const BATCH = 2_000;
  for (let offset = 0; offset < PATTERNS; offset += BATCH) {
    const patterns = Array.from({ length: Math.min(BATCH, PATTERNS - offset) }, (_, j) => {
      const n = offset + j;
      return { id: id(), revisionId: id(), n, problemId: problemIds[n % PROBLEMS]! };
    });
    await db.pattern.createMany({
      data: patterns.map((p) => ({
        id: p.id,
        projectId,
        problemId: p.problemId,
        name: `pattern ${p.n}`,
        purpose: p.n % 7 === 0 ? "control" : "case",
        origin: p.n % 11 === 0 ? "production" : "contrived",
      })),
    });
    await db.patternRevision.createMany({
      data: patterns.map((p) => ({
        id: p.revisionId,
        projectId,
        patternId: p.id,
        number: 1,
        inputKind: "text",
        input: `review text number ${p.n}, long enough to look like a real one`,
        inputHash: randomBytes(32).toString("hex"),
        expectation: { kind: "equals", value: p.n % 2 ? "positive" : "negative" },
      })),
    });
  }
  await db.$executeRaw`UPDATE patterns p SET current_revision_id = r.id FROM pattern_revisions r WHERE r.pattern_id = p.id AND p.project_id = ${projectId}`;
  await db.$executeRaw`ANALYZE`;
  const seedMs = performance.now() - seedStart;
  console.log(`${kind}: seeded ${PROBLEMS} problems and ${PATTERNS} patterns (with revisions) in ${(seedMs / 1000).toFixed(1)} s; ${RUNS} runs each\n`);

  const defaultQuery = problemListQuerySchema.parse({});
  const secondPage = await searchProblems(projectId, defaultQuery);
  const results = [
    await measure("problems page: first 50, key order (searchProblems)", () => searchProblems(projectId, defaultQuery)),
    await measure("problems page: page 2 by cursor", () => searchProblems(projectId, { ...defaultQuery, cursor: secondPage.nextCursor })),
    await measure("problems page: sort patternCount desc", () => searchProblems(projectId, problemListQuerySchema.parse({ sort: "patternCount", order: "desc" }))),
    await measure("problems page: search q=sarcasm + filters", () => searchProblems(projectId, problemListQuerySchema.parse({ q: "sarcasm", severity: "critical,high", status: "open" }))),
    await measure("problems API: limit 200", () => searchProblems(projectId, problemListQuerySchema.parse({ limit: "200" }))),
    await measure("dashboard: all 500 with counts (listProblems)", () => listProblems(projectId, {})),
    await measure("problem page data (one problem)", async () => {
      const problem = await findProblemByKey(projectId, "BENCH-250");
      await Promise.all([listModelVersions(projectId), listErrorRates(projectId), listProblemHistory(problem!.id, { limit: 50 })]);
    }),
  ];
  if (existsSync(path.join(process.cwd(), "lib/import-export/export-patterns.ts"))) {
    const { exportPatterns } = await import("../lib/import-export/export-patterns");
    results.push(
      await measure("pattern export: 10,000 JSONL lines (exportPatterns)", async () => {
        const { lines } = await exportPatterns(projectId);
        let count = 0;
        for await (const _line of lines) count++;
        if (count !== PATTERNS) throw new Error(`export produced ${count} lines`);
      }),
    );
  } else {
    console.log("(pattern export skipped: lib/import-export/export-patterns.ts does not exist yet)");
  }

  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`${"measurement".padEnd(width)}   p50 ms   p95 ms   max ms`);
  for (const r of results) {
    console.log(`${r.name.padEnd(width)}  ${r.p50.toFixed(1).padStart(7)}  ${r.p95.toFixed(1).padStart(7)}  ${r.max.toFixed(1).padStart(7)}`);
  }
  await db.$disconnect();
} finally {
  await database.drop();
}
