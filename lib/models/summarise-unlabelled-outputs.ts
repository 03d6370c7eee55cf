import "server-only";
// Results join on (model_version_id, pattern_revision_id) with no project_id term: see compare-model-versions.ts.
import type { OutputKind } from "@/lib/db/generated/enums";
import { prisma } from "@/lib/db/prisma";

export type UnlabelledOutputs = {
  /** Outputs stored for the version's current pattern revisions (errors excluded). */
  outputs: number;
  /** How many of them are not a label of the project. */
  unlabelled: number;
  /** The most frequent of those, as JSON text ("8", "\"Positive\""), at most five. */
  examples: string[];
  /** How many different values they take. */
  distinct: number;
};

/**
 * For the model version page of a label project: how many stored outputs of
 * the version's current pattern revisions are not labels of the project (a
 * ranking counts by its best entry), with the commonest of them. The SQL twin
 * of isProjectLabel (lib/connectors/normalise-output.ts): the flag is not
 * stored, it is read from the results. Null outside label projects.
 */
export async function summariseUnlabelledOutputs(
  project: { id: string; outputKind: OutputKind; labels: string[] },
  modelVersionId: string,
): Promise<UnlabelledOutputs | null> {
  if (project.outputKind !== "label") return null;
  const [row] = await prisma().$queryRaw<{ outputs: number; unlabelled: number; distinct: number; examples: string[] | null }[]>`
    WITH stored AS (
      SELECT CASE WHEN jsonb_typeof(r.output) = 'array'
                  THEN (CASE WHEN jsonb_typeof(r.output -> 0) = 'object' THEN r.output -> 0 -> 'label' ELSE r.output -> 0 END)
                  ELSE r.output END AS top
        FROM patterns p
        JOIN results r ON r.model_version_id = ${modelVersionId} AND r.pattern_revision_id = p.current_revision_id
       WHERE p.project_id = ${project.id} AND p.archived_at IS NULL
         AND r.output IS NOT NULL AND r.verdict IS DISTINCT FROM 'error'
    ), judged AS (
      SELECT top, COALESCE(jsonb_typeof(top) = 'string' AND top #>> '{}' = ANY(${project.labels}::text[]), false) AS labelled FROM stored
    )
    SELECT (SELECT count(*) FROM judged)::int AS outputs,
           (SELECT count(*) FROM judged WHERE NOT labelled)::int AS unlabelled,
           (SELECT count(DISTINCT COALESCE(top::text, 'null')) FROM judged WHERE NOT labelled)::int AS "distinct",
           (SELECT array_agg(example) FROM (
              SELECT COALESCE(top::text, 'null') AS example FROM judged WHERE NOT labelled
               GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5) e) AS examples`;
  return { outputs: row?.outputs ?? 0, unlabelled: row?.unlabelled ?? 0, distinct: row?.distinct ?? 0, examples: row?.examples ?? [] };
}
