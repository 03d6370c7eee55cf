import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/db/generated/client";
import { refreshRunCounts } from "./refresh-run-counts";

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

/**
 * Writes one flush of a batch in one transaction: the results (upserted on
 * model version × revision, so a rerun replaces them), the run's items, and the
 * run's counts derived from its items. Idempotent: a batch that runs again
 * after a crash overwrites the same rows and derives the same counts.
 */
export async function writeReplayOutcomes(
  run: { id: string; projectId: string; modelVersionId: string },
  rows: readonly ReplayOutcomeRow[],
): Promise<void> {
  if (rows.length === 0) return;
  // One lock order for every writer (run row, then results sorted by revision) so batches never deadlock.
  const sorted = [...rows].sort((a, b) => (a.patternRevisionId < b.patternRevisionId ? -1 : 1));
  await prisma().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM replay_runs WHERE id = ${run.id} AND project_id = ${run.projectId} FOR UPDATE`;
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
      const json = JSON.stringify(records);
      await tx.$executeRawUnsafe(
        `INSERT INTO results (id, project_id, problem_id, pattern_id, pattern_revision_id, model_version_id, replay_run_id,
                              output, output_hash, verdict, error_reason, latency_ms, created_at, updated_at)
         SELECT v.id, $2, v.problem_id, v.pattern_id, v.pattern_revision_id, $3, $4,
                v.output, v.output_hash, v.verdict::"Verdict", v.error_reason, v.latency_ms, now(), now()
           FROM jsonb_to_recordset($1::jsonb) AS v(id text, problem_id text, pattern_id text, pattern_revision_id text,
                                                   output jsonb, output_hash text, verdict text, error_reason text, latency_ms int)
         ON CONFLICT (model_version_id, pattern_revision_id) DO UPDATE SET
           replay_run_id = EXCLUDED.replay_run_id, output = EXCLUDED.output, output_hash = EXCLUDED.output_hash,
           verdict = EXCLUDED.verdict, error_reason = EXCLUDED.error_reason, latency_ms = EXCLUDED.latency_ms,
           updated_at = now()`,
        json,
        run.projectId,
        run.modelVersionId,
        run.id,
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
      await refreshRunCounts(tx, run.id);
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
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
