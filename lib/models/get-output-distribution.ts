import "server-only";
// Results join on (model_version_id, pattern_revision_id) with no project_id term: see compare-model-versions.ts.
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import type { OutputSample } from "@/lib/stats/measure-output-shift";
import { distributionKindOf, labelKeySql, numberValueSql, textKeySql } from "./output-key-sql";
import { MAX_BUCKET_TEXT, MAX_DISTRIBUTION_BUCKETS, MAX_HISTOGRAM_BINS, type OutputDistribution } from "./output-distribution.schema";

type BucketRow = { total: number; buckets: [string | number, number][] | null };

/** A version's outputs on the current pattern set (current revisions of non-archived patterns; errors and missing outputs left out) as `r.output`. */
export function currentOutputsFrom(projectId: string, modelVersionId: string): Prisma.Sql {
  return Prisma.sql`
    FROM patterns p
    JOIN results r ON r.model_version_id = ${modelVersionId} AND r.pattern_revision_id = p.current_revision_id
   WHERE p.project_id = ${projectId} AND p.archived_at IS NULL
     AND r.output IS NOT NULL AND r.verdict IS DISTINCT FROM 'error'`;
}

/**
 * `GET /models/{modelId}/output-distribution`: how a model version's outputs
 * spread over the current pattern set (current revisions of non-archived
 * patterns; errors and missing outputs left out), in one SQL aggregate with a
 * bounded number of buckets. Label: a bucket per project label (0 when
 * unused), then other answers by count; number: an equal-width histogram of
 * at most 20 bins; text (and json, as canonical JSON text): the commonest
 * outputs. 404 for an unknown id.
 */
export async function getOutputDistribution(modelVersionId: string): Promise<OutputDistribution> {
  const version = await prisma().modelVersion.findUnique({
    where: { id: modelVersionId },
    select: { id: true, projectId: true, project: { select: { outputKind: true, labels: true } } },
  });
  if (!version) throw new NotFoundError("Model version");
  const kind = distributionKindOf(version.project.outputKind);
  const from = currentOutputsFrom(version.projectId, version.id);

  if (kind === "number") {
    const [row] = await prisma().$queryRaw<BucketRow[]>`
      WITH v AS (SELECT ${numberValueSql(Prisma.sql`r.output`)} AS x ${from}),
           numeric AS (SELECT x FROM v WHERE x IS NOT NULL AND x <> 'NaN'::float8 AND x NOT IN ('Infinity'::float8, '-Infinity'::float8)),
           span AS (SELECT min(x) AS lo, max(x) AS hi, count(*)::int AS n FROM numeric),
           bins AS (SELECT lo, hi, n, CASE WHEN hi > lo THEN LEAST(${MAX_HISTOGRAM_BINS}, GREATEST(1, ceil(sqrt(n))::int)) ELSE 1 END AS k FROM span),
           counted AS (
             SELECT CASE WHEN b.hi > b.lo THEN LEAST(b.k, width_bucket(x, b.lo, b.hi, b.k)) ELSE 1 END AS bin, count(*)::int AS c
               FROM numeric, bins b GROUP BY 1)
      SELECT b.n AS total,
             (SELECT jsonb_agg(jsonb_build_array(b.lo + (i - 1) * (b.hi - b.lo) / b.k, COALESCE(c.c, 0)) ORDER BY i)
                FROM generate_series(1, b.k) AS i LEFT JOIN counted c ON c.bin = i) AS buckets
        FROM bins b WHERE b.n > 0`;
    return { kind, total: row?.total ?? 0, buckets: (row?.buckets ?? []).map(([value, count]) => ({ value: Number(value), count })) };
  }

  if (kind === "label") return labelDistribution(await countLabels(version.projectId, version.id, version.project.labels), version.project.labels);

  // Text projects list the commonest outputs.
  const [row] = await prisma().$queryRaw<BucketRow[]>`
    WITH k AS (SELECT ${textKeySql(Prisma.sql`r.output`)} AS key ${from}),
         grouped AS (SELECT key, count(*)::int AS c FROM k GROUP BY key ORDER BY c DESC, key LIMIT ${MAX_DISTRIBUTION_BUCKETS})
    SELECT (SELECT count(*)::int FROM k) AS total,
           (SELECT jsonb_agg(jsonb_build_array(left(key, ${MAX_BUCKET_TEXT}), c) ORDER BY c DESC, key) FROM grouped) AS buckets`;
  return { kind, total: row?.total ?? 0, buckets: mergeTruncated(row?.buckets ?? []).map(([value, count]) => ({ value, count })) };
}

/** Most distinct labels kept for a shift (readOutputSample's categorical sample); rarer answers fall out (a label project has at most 500 labels). */
export const MAX_SAMPLE_CATEGORIES = 1_000;

/** Per-label counts, commonest first: `overall` ranks a row among all answers, `other` among the project's labels or among the rest. */
export type LabelCounts = { total: number; rows: { key: string; count: number; known: boolean; overall: number; other: number }[] };

/**
 * A label project's outputs counted per label on the current pattern set, in
 * one aggregate that serves both views of them: every project label, the
 * commonest other answers (the distribution's buckets) and the commonest
 * answers overall (a shift's sample).
 */
export async function countLabels(projectId: string, modelVersionId: string, labels: readonly string[]): Promise<LabelCounts> {
  const rows = await prisma().$queryRaw<{ key: string; c: number; known: boolean; overall: number; other: number; total: number }[]>`
    WITH grouped AS (
           SELECT ${labelKeySql(Prisma.sql`r.output`)} AS key, count(*)::int AS c
             ${currentOutputsFrom(projectId, modelVersionId)}
            GROUP BY 1),
         ranked AS (
           SELECT key, c, key = ANY(${labels as string[]}::text[]) AS known,
                  row_number() OVER (ORDER BY c DESC, key)::int AS overall,
                  row_number() OVER (PARTITION BY key = ANY(${labels as string[]}::text[]) ORDER BY c DESC, key)::int AS other,
                  sum(c) OVER ()::int AS total
             FROM grouped)
    SELECT key, c, known, overall, other, total FROM ranked
     WHERE known OR overall <= ${MAX_SAMPLE_CATEGORIES} OR other <= ${MAX_DISTRIBUTION_BUCKETS}
     ORDER BY overall`;
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ key, c, known, overall, other }) => ({ key, count: c, known, overall, other })) };
}

/** The distribution of a label project: a bucket per project label (0 when unused), then the commonest other answers. */
export function labelDistribution(counts: LabelCounts, labels: readonly string[]): OutputDistribution {
  const kept = counts.rows.filter((row) => row.known || row.other <= MAX_DISTRIBUTION_BUCKETS).map((row): [string, number] => [row.key.slice(0, MAX_BUCKET_TEXT), row.count]);
  const counted = new Map(mergeTruncated(kept));
  const buckets = [
    ...labels.map((label) => ({ value: label, count: counted.get(label) ?? 0 })),
    ...[...counted].filter(([value]) => !labels.includes(value)).map(([value, count]) => ({ value, count })),
  ];
  return { kind: "label", total: counts.total, buckets };
}

/** A label project's sample for a shift: the commonest answers overall, counted per label. */
export function labelSample(counts: LabelCounts): OutputSample {
  return { kind: "categorical", counts: new Map(counts.rows.filter((row) => row.overall <= MAX_SAMPLE_CATEGORIES).map((row) => [row.key, row.count])) };
}

/** Two long outputs cut to the same 200 characters share their bucket (first position kept). */
function mergeTruncated(buckets: [string | number, number][]): [string, number][] {
  const counted = new Map<string, number>();
  for (const [value, count] of buckets) counted.set(String(value), (counted.get(String(value)) ?? 0) + count);
  return [...counted];
}
