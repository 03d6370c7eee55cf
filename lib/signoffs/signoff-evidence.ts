import "server-only";
// Results join on (model_version_id, pattern_revision_id) with no project_id term: see compare-model-versions.ts.
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";

/** A current pattern's result for one model version: a verdict, a pending grade, or no result at all. */
export type EvidenceVerdict = "pass" | "fail" | "error" | "ungraded" | "none";

/** One line of a sign-off's frozen evidence: which revision counted and what the version did on it. */
export type EvidenceItem = { patternId: string; revisionId: string; verdict: EvidenceVerdict; outputHash: string | null };

export type Fingerprints = { patternSetFingerprint: string; resultsFingerprint: string };

export type ProblemVersionPair = { problemId: string; modelVersionId: string };

/** The problem's current pattern revisions (non-archived) and this version's result on each, by revision id. */
export async function loadEvidence(projectId: string, pair: ProblemVersionPair, db: Prisma.TransactionClient = prisma()): Promise<EvidenceItem[]> {
  return db.$queryRaw<EvidenceItem[]>`
    SELECT
      p.id                  AS "patternId",
      p.current_revision_id AS "revisionId",
      CASE WHEN r.id IS NULL THEN 'none' ELSE COALESCE(r.verdict::text, 'ungraded') END AS "verdict",
      r.output_hash         AS "outputHash"
    FROM patterns p
    LEFT JOIN results r
      ON r.pattern_revision_id = p.current_revision_id AND r.model_version_id = ${pair.modelVersionId}
    WHERE p.project_id = ${projectId}
      AND p.problem_id = ${pair.problemId}
      AND p.archived_at IS NULL
      AND p.current_revision_id IS NOT NULL
    ORDER BY p.current_revision_id COLLATE "C"`;
}

/**
 * Fingerprints of the current pattern set and of the version's results on it,
 * per (problem, model version), computed in PostgreSQL. Sign-offs store them
 * when written and compare them when read — the same SQL both times, so a
 * sign-off is stale exactly when something it was made on changed.
 */
export async function loadFingerprints(projectId: string, pairs: readonly ProblemVersionPair[], db: Prisma.TransactionClient = prisma()): Promise<Map<string, Fingerprints>> {
  if (pairs.length === 0) return new Map();
  const rows = await db.$queryRaw<(ProblemVersionPair & Fingerprints)[]>`
    WITH pairs AS (
      SELECT DISTINCT * FROM unnest(${pairs.map((p) => p.problemId)}::text[], ${pairs.map((p) => p.modelVersionId)}::text[]) AS t(problem_id, model_version_id)
    )
    SELECT
      pr.problem_id       AS "problemId",
      pr.model_version_id AS "modelVersionId",
      encode(sha256(convert_to(COALESCE(
        string_agg(p.current_revision_id, ',' ORDER BY p.current_revision_id COLLATE "C"), ''), 'UTF8')), 'hex') AS "patternSetFingerprint",
      encode(sha256(convert_to(COALESCE(
        string_agg(p.current_revision_id || ':' || CASE WHEN r.id IS NULL THEN 'none' ELSE COALESCE(r.verdict::text, 'ungraded') END,
                   ',' ORDER BY p.current_revision_id COLLATE "C"), ''), 'UTF8')), 'hex') AS "resultsFingerprint"
    FROM pairs pr
    LEFT JOIN patterns p
      ON p.problem_id = pr.problem_id AND p.project_id = ${projectId} AND p.archived_at IS NULL AND p.current_revision_id IS NOT NULL
    LEFT JOIN results r
      ON r.pattern_revision_id = p.current_revision_id AND r.model_version_id = pr.model_version_id
    GROUP BY pr.problem_id, pr.model_version_id`;
  return new Map(rows.map((row) => [pairKey(row), { patternSetFingerprint: row.patternSetFingerprint, resultsFingerprint: row.resultsFingerprint }]));
}

export function pairKey(pair: ProblemVersionPair): string {
  return `${pair.problemId}:${pair.modelVersionId}`;
}
