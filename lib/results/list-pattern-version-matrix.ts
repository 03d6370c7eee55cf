import "server-only";
// Results join on the revision with no project_id term (it pins the project): see compare-model-versions.ts.
import { prisma } from "@/lib/db/prisma";
import { layoutPatternVersionMatrix, type PatternResultRow, type PatternVersionMatrix } from "./pattern-version-matrix";

/** Longest output text a matrix cell carries (its tooltip); the result page shows it in full. */
const OUTPUT_PREVIEW_CHARS = 200;

/**
 * The pattern × model version matrix of one problem: its current pattern revisions
 * (archived patterns left out) against every model version given, with each
 * result's verdict and output, and whether replays of one version disagreed.
 * One SQL statement, scoped by project.
 */
export async function listPatternVersionMatrix<V extends { id: string }>(
  projectId: string,
  problemId: string,
  modelVersions: V[],
): Promise<PatternVersionMatrix<V>> {
  const rows = await prisma().$queryRaw<PatternResultRow[]>`
    WITH current_revisions AS (
      SELECT pt.id, pt.name, pt.purpose, pt.created_at, pr.id AS revision_id, pr.number AS revision_number
      FROM patterns pt
      JOIN pattern_revisions pr ON pr.id = pt.current_revision_id AND pr.project_id = ${projectId}
      WHERE pt.project_id = ${projectId} AND pt.problem_id = ${problemId} AND pt.archived_at IS NULL
    ),
    run_verdicts AS (
      SELECT i.pattern_revision_id, rr.model_version_id, array_agg(DISTINCT i.verdict::text) AS verdicts
      FROM replay_run_items i
      JOIN replay_runs rr ON rr.id = i.run_id AND rr.project_id = ${projectId}
      WHERE i.project_id = ${projectId}
        AND i.verdict IS NOT NULL
        AND i.pattern_revision_id IN (SELECT revision_id FROM current_revisions)
      GROUP BY i.pattern_revision_id, rr.model_version_id
    )
    SELECT
      c.id               AS "patternId",
      c.name             AS "patternName",
      c.purpose::text    AS "purpose",
      c.revision_id      AS "revisionId",
      c.revision_number  AS "revisionNumber",
      r.model_version_id AS "modelVersionId",
      r.id               AS "resultId",
      r.verdict::text    AS "verdict",
      r.error_reason     AS "errorReason",
      CASE WHEN r.output IS NULL OR jsonb_typeof(r.output) = 'null' THEN NULL
           WHEN jsonb_typeof(r.output) = 'string' THEN left(r.output #>> '{}', ${OUTPUT_PREVIEW_CHARS})
           ELSE left(r.output::text, ${OUTPUT_PREVIEW_CHARS}) END AS "output",
      rv.verdicts        AS "runVerdicts"
    FROM current_revisions c
    LEFT JOIN results r ON r.pattern_revision_id = c.revision_id
    LEFT JOIN run_verdicts rv ON rv.pattern_revision_id = c.revision_id AND rv.model_version_id = r.model_version_id
    ORDER BY c.created_at, c.id
  `;
  return layoutPatternVersionMatrix(rows, modelVersions);
}
