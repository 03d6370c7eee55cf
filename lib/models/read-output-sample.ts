import "server-only";
// Results join on (model_version_id, pattern_revision_id) with no project_id term: see compare-model-versions.ts.
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import type { OutputSample } from "@/lib/stats/measure-output-shift";
import { countLabels, currentOutputsFrom, labelSample } from "./get-output-distribution";
import { numberValueSql, textKeySql, type DistributionKind } from "./output-key-sql";

/** Most outputs read for a shift: far above any pattern set, and a bound on memory. */
export const MAX_SAMPLE_VALUES = 20_000;

/**
 * A model version's outputs on the current pattern set as a sample to measure
 * a shift with (measureOutputShift): labels counted per label, numbers as
 * values, text as output lengths in characters (exact texts rarely repeat, so
 * their lengths are what can shift). The caller has checked the version
 * belongs to the project.
 */
export async function readOutputSample(projectId: string, modelVersionId: string, kind: DistributionKind): Promise<OutputSample> {
  if (kind === "label") return labelSample(await countLabels(projectId, modelVersionId, []));
  const value = kind === "number" ? numberValueSql(Prisma.sql`r.output`) : Prisma.sql`char_length(${textKeySql(Prisma.sql`r.output`)})::float8`;
  const rows = await prisma().$queryRaw<{ x: number }[]>`
    SELECT x FROM (SELECT ${value} AS x ${currentOutputsFrom(projectId, modelVersionId)}) v
     WHERE x IS NOT NULL AND x <> 'NaN'::float8 AND x NOT IN ('Infinity'::float8, '-Infinity'::float8)
     LIMIT ${MAX_SAMPLE_VALUES}`;
  return { kind: "numeric", values: rows.map((row) => row.x) };
}
