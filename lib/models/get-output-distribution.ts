import "server-only";
// Results join on (model_version_id, pattern_revision_id) with no project_id term: see compare-model-versions.ts.
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { distributionKindOf, labelKeySql, numberValueSql, textKeySql } from "./output-key-sql";
import { MAX_BUCKET_TEXT, MAX_DISTRIBUTION_BUCKETS, MAX_HISTOGRAM_BINS, type OutputDistribution } from "./output-distribution.schema";

type BucketRow = { total: number; buckets: [string | number, number][] | null };

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
  const from = Prisma.sql`
    FROM patterns p
    JOIN results r ON r.model_version_id = ${version.id} AND r.pattern_revision_id = p.current_revision_id
   WHERE p.project_id = ${version.projectId} AND p.archived_at IS NULL
     AND r.output IS NOT NULL AND r.verdict IS DISTINCT FROM 'error'`;

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

  const key = kind === "label" ? labelKeySql(Prisma.sql`r.output`) : textKeySql(Prisma.sql`r.output`);
  // Label projects list every label and then up to the cap of other answers; text projects list the commonest outputs.
  const known = kind === "label" ? version.project.labels : [];
  const [row] = await prisma().$queryRaw<BucketRow[]>`
    WITH k AS (SELECT ${key} AS key ${from}),
         grouped AS (SELECT key, count(*)::int AS c FROM k GROUP BY key),
         known AS (SELECT key, c FROM grouped WHERE key = ANY(${known}::text[])),
         others AS (SELECT key, c FROM grouped WHERE NOT (key = ANY(${known}::text[])) ORDER BY c DESC, key LIMIT ${MAX_DISTRIBUTION_BUCKETS})
    SELECT (SELECT count(*)::int FROM k) AS total,
           (SELECT jsonb_agg(jsonb_build_array(left(key, ${MAX_BUCKET_TEXT}), c) ORDER BY c DESC, key) FROM (SELECT * FROM known UNION ALL SELECT * FROM others) t) AS buckets`;
  // Two long outputs cut to the same 200 characters share their bucket.
  const counted = new Map<string, number>();
  for (const [value, count] of row?.buckets ?? []) counted.set(String(value), (counted.get(String(value)) ?? 0) + count);
  const buckets = [
    ...known.map((label) => ({ value: label, count: counted.get(label) ?? 0 })),
    ...[...counted].filter(([value]) => !known.includes(value)).map(([value, count]) => ({ value, count })),
  ];
  return { kind, total: row?.total ?? 0, buckets };
}
