import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/db/generated/client";
import type { ReplayStatus } from "@/lib/db/generated/enums";
import { logger } from "@/lib/log/logger.mjs";
import { recordWrittenOutcomes } from "@/lib/metrics/replay-metrics";
import { runCompletionSql } from "./run-completion-sql";

export type ReplayOutcomeRow = {
  patternRevisionId: string;
  patternId: string;
  problemId: string;
  output: unknown;
  outputHash: string | null;
  /** null: a `human` expectation; the verdict comes from a remembered grade, if any. */
  verdict: "pass" | "fail" | "error" | null;
  errorReason: string | null;
  latencyMs: number | null;
};

/** Where a result belongs: the revision, its pattern and problem. */
export type OutcomeTarget = { patternRevisionId: string; patternId: string; problemId: string };

/** The row of a pattern revision whose call failed or could not be made: verdict `error`, the reason kept. */
export function errorOutcome(target: OutcomeTarget, reason: string, latencyMs: number | null = null): ReplayOutcomeRow {
  const { patternRevisionId, patternId, problemId } = target;
  return { patternRevisionId, patternId, problemId, output: null, outputHash: null, verdict: "error", errorReason: reason, latencyMs };
}

/** The run written to; connectorRevision: the configuration the outcomes were made with (default: the version's current one). */
export type ReplayRunRef = { id: string; projectId: string; modelVersionId: string; connectorRevision?: number };

type Verdict = "pass" | "fail" | "error" | null;
type Counts = { passed: number; failed: number; errored: number; ungraded: number };
type WriteReport = { verdicts: Verdict[]; finished: (Counts & { total: number }) | null };

const DEADLOCK_ATTEMPTS = 3;

/**
 * Writes outcomes of one run in one transaction: the results (one multi-row
 * upsert on model version × revision, so a rerun replaces them), the run's
 * items, and the run's counts moved by the change of those items' verdicts.
 * The items are locked first (FOR UPDATE, revision order) and the counts
 * change by old → new of exactly those items, so a batch that runs again after
 * a crash (or twice at once) rewrites the same items and never counts twice.
 * The run row is locked last and only by the final UPDATE, so batches of one
 * run write in parallel. Returns the run's status after the write.
 */
export async function writeReplayOutcomes(
  run: ReplayRunRef,
  rows: readonly ReplayOutcomeRow[],
): Promise<ReplayStatus | null> {
  if (rows.length === 0) return null;
  // One lock order for every writer (items, then results, both sorted by revision, then the run) so batches never deadlock.
  const sorted = [...rows].sort((a, b) => (a.patternRevisionId < b.patternRevisionId ? -1 : 1));
  for (let attempt = 1; ; attempt++) {
    try {
      const written: WriteReport = { verdicts: [], finished: null };
      const status = await prisma().$transaction((tx) => writeInTransaction(tx, run, sorted, written), { timeout: 30_000, maxWait: 30_000 });
      recordWrittenOutcomes(run.modelVersionId, sorted, written.verdicts);
      if (written.finished) {
        logger().info({ runId: run.id, modelVersionId: run.modelVersionId, projectId: run.projectId, status, ...written.finished }, "replay run finished");
      }
      return status;
    } catch (error) {
      // Grading locks the run before its items; meeting a batch write on the same items, PostgreSQL aborts one of the two.
      if (attempt >= DEADLOCK_ATTEMPTS || !/deadlock|40P01|P2034/i.test(String((error as Error)?.message ?? error))) throw error;
    }
  }
}

async function writeInTransaction(
  tx: Prisma.TransactionClient,
  run: ReplayRunRef,
  sorted: readonly ReplayOutcomeRow[],
  /** Filled in for the metrics and the run's last log line. */
  written: WriteReport,
): Promise<ReplayStatus | null> {
  const ids = sorted.map((row) => row.patternRevisionId);
  const before = await tx.$queryRaw<{ id: string; finished: boolean; verdict: Verdict }[]>`
    SELECT pattern_revision_id AS id, finished_at IS NOT NULL AS finished, verdict::text AS verdict
      FROM replay_run_items
     WHERE run_id = ${run.id} AND pattern_revision_id = ANY(${ids}::text[])
     ORDER BY pattern_revision_id
       FOR UPDATE`;
  const graded = await rememberedGrades(tx, sorted);
  const records = sorted.map((row) => ({
    id: `c${randomBytes(12).toString("hex")}`,
    pattern_revision_id: row.patternRevisionId,
    pattern_id: row.patternId,
    problem_id: row.problemId,
    output: row.output === undefined ? null : row.output,
    output_hash: row.outputHash,
    verdict: row.verdict ?? (row.outputHash ? (graded.get(`${row.patternRevisionId}:${row.outputHash}`) ?? null) : null),
    error_reason: row.errorReason,
    latency_ms: row.latencyMs,
  }));
  written.verdicts = records.map((record) => record.verdict as Verdict);
  const json = JSON.stringify(records);
  await tx.$executeRawUnsafe(
    `INSERT INTO results (id, project_id, problem_id, pattern_id, pattern_revision_id, model_version_id, replay_run_id,
                          output, output_hash, verdict, error_reason, latency_ms, connector_revision, created_at, updated_at)
     SELECT v.id, $2, v.problem_id, v.pattern_id, v.pattern_revision_id, $3, $4,
            v.output, v.output_hash, v.verdict::"Verdict", v.error_reason, v.latency_ms,
            COALESCE($5::int, (SELECT m.connector_revision FROM model_versions m WHERE m.id = $3 AND m.project_id = $2)), now(), now()
       FROM jsonb_to_recordset($1::jsonb) AS v(id text, problem_id text, pattern_id text, pattern_revision_id text,
                                               output jsonb, output_hash text, verdict text, error_reason text, latency_ms int)
     ON CONFLICT (model_version_id, pattern_revision_id) DO UPDATE SET
       replay_run_id = EXCLUDED.replay_run_id, output = EXCLUDED.output, output_hash = EXCLUDED.output_hash,
       verdict = EXCLUDED.verdict, error_reason = EXCLUDED.error_reason, latency_ms = EXCLUDED.latency_ms,
       connector_revision = EXCLUDED.connector_revision, updated_at = now()`,
    json,
    run.projectId,
    run.modelVersionId,
    run.id,
    run.connectorRevision ?? null,
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO replay_run_items (run_id, pattern_revision_id, project_id, finished_at, verdict, output_hash)
     SELECT $2, v.pattern_revision_id, $3, now(), v.verdict::"Verdict", v.output_hash
       FROM jsonb_to_recordset($1::jsonb) AS v(pattern_revision_id text, verdict text, output_hash text)
     ON CONFLICT (run_id, pattern_revision_id) DO UPDATE SET
       finished_at = EXCLUDED.finished_at, verdict = EXCLUDED.verdict, output_hash = EXCLUDED.output_hash`,
    json,
    run.id,
    run.projectId,
  );

  const delta: Counts = { passed: 0, failed: 0, errored: 0, ungraded: 0 };
  for (const old of before) if (old.finished) delta[bucket(old.verdict)] -= 1;
  for (const record of records) delta[bucket(record.verdict as Verdict)] += 1;
  const newlyFinished = delta.passed + delta.failed + delta.errored + delta.ungraded;
  const [after] = await tx.$queryRaw<(Counts & { status: ReplayStatus; total: number })[]>`
    UPDATE replay_runs SET
      passed   = passed   + ${delta.passed}::int,
      failed   = failed   + ${delta.failed}::int,
      errored  = errored  + ${delta.errored}::int,
      ungraded = ungraded + ${delta.ungraded}::int,
      ${runCompletionSql(Prisma.sql`passed + failed + errored + ungraded + ${newlyFinished}::int`)}
    WHERE id = ${run.id} AND project_id = ${run.projectId}
    RETURNING status, total, passed, failed, errored, ungraded`;
  if (after && (after.status === "completed" || after.status === "failed")) {
    // Writes to one run queue on its row, so exactly one of them sees the run cross its total.
    const finished = after.passed + after.failed + after.errored + after.ungraded;
    if (finished - newlyFinished < after.total) {
      written.finished = { total: after.total, passed: after.passed, failed: after.failed, errored: after.errored, ungraded: after.ungraded };
    }
  }
  return after?.status ?? null;
}

function bucket(verdict: Verdict): keyof Counts {
  if (verdict === "pass") return "passed";
  if (verdict === "fail") return "failed";
  if (verdict === "error") return "errored";
  return "ungraded";
}

/** Grades people gave earlier to exactly these outputs of these revisions. */
async function rememberedGrades(tx: Prisma.TransactionClient, rows: readonly ReplayOutcomeRow[]): Promise<Map<string, "pass" | "fail">> {
  const pairs = rows.filter((row) => row.verdict === null && row.outputHash);
  if (pairs.length === 0) return new Map();
  const grades = await tx.humanGrade.findMany({
    where: { OR: pairs.map((row) => ({ patternRevisionId: row.patternRevisionId, outputHash: row.outputHash! })) },
    select: { patternRevisionId: true, outputHash: true, verdict: true },
  });
  return new Map(
    grades.filter((g) => g.verdict !== "error").map((g) => [`${g.patternRevisionId}:${g.outputHash}`, g.verdict as "pass" | "fail"]),
  );
}
