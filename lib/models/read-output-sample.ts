import "server-only";
// Results join on (model_version_id, pattern_revision_id) with no project_id term: see compare-model-versions.ts.
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import type { OutputSample } from "@/lib/stats/measure-output-shift";
import { labelKeySql, numberValueSql, textKeySql, type DistributionKind } from "./output-key-sql";

/** Most outputs read for a shift: far above any pattern set, and a bound on memory. */
export const MAX_SAMPLE_VALUES = 20_000;
/** Most distinct labels read for a shift; rarer answers fall out (a label project has at most 500 labels). */
const MAX_SAMPLE_CATEGORIES = 1_000;

/**
 * A model version's outputs on the current pattern set as a sample to measure
 * a shift with (measureOutputShift): labels counted per label, numbers as
 * values, text as output lengths in characters (exact texts rarely repeat, so
 * their lengths are what can shift). The caller has checked the version
 * belongs to the project.
 */
export async function readOutputSample(projectId: string, modelVersionId: string, kind: DistributionKind): Promise<OutputSample> {
  const from = Prisma.sql`
    FROM patterns p
    JOIN results r ON r.model_version_id = ${modelVersionId} AND r.pattern_revision_id = p.current_revision_id
   WHERE p.project_id = ${projectId} AND p.archived_at IS NULL
     AND r.output IS NOT NULL AND r.verdict IS DISTINCT FROM 'error'`;
  if (kind === "label") {
    const rows = await prisma().$queryRaw<{ key: string; c: number }[]>`
      SELECT ${labelKeySql(Prisma.sql`r.output`)} AS key, count(*)::int AS c ${from}
       GROUP BY 1 ORDER BY c DESC, key LIMIT ${MAX_SAMPLE_CATEGORIES}`;
    return { kind: "categorical", counts: new Map(rows.map((row) => [row.key, row.c])) };
  }
  const value = kind === "number" ? numberValueSql(Prisma.sql`r.output`) : Prisma.sql`char_length(${textKeySql(Prisma.sql`r.output`)})::float8`;
  const rows = await prisma().$queryRaw<{ x: number }[]>`
    SELECT x FROM (SELECT ${value} AS x ${from}) v
     WHERE x IS NOT NULL AND x <> 'NaN'::float8 AND x NOT IN ('Infinity'::float8, '-Infinity'::float8)
     LIMIT ${MAX_SAMPLE_VALUES}`;
  return { kind: "numeric", values: rows.map((row) => row.x) };
}
