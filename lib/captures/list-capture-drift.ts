import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { distributionKindOf, labelKeySql, numberValueSql, textKeySql } from "@/lib/models/output-key-sql";
import { readOutputSample } from "@/lib/models/read-output-sample";
import { measureOutputShift, type OutputSample } from "@/lib/stats/measure-output-shift";
import { mondayOf } from "./week-start";
import { DRIFT_WEEKS, MAX_DRIFT_OUTPUTS_PER_WEEK, MIN_DRIFT_OUTPUTS, type CaptureDrift } from "./capture-drift.schema";

const DAY_MS = 24 * 60 * 60 * 1000;

type WeekRow = { week: Date; captures: number; rated: number; bad: number; outputs: number; stars: boolean };

/**
 * The capture drift chart of a project, week by week (UTC weeks from Monday,
 * the last DRIFT_WEEKS up to `now`): captures, how many were rated and rated
 * bad, and how far the week's captured outputs moved from the production
 * version's outputs on the current pattern set (measureOutputShift: JS
 * distance for labels, KS for numbers and text lengths), with the project's
 * threshold. "Bad": a rating of 2 or less when the project rates in stars
 * (any rating above 1), else a rating below 0 (thumbs: -1/1).
 */
export async function listCaptureDrift(projectId: string, now: Date = new Date()): Promise<CaptureDrift> {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { outputKind: true, driftThreshold: true } });
  if (!project) throw new NotFoundError("Project");
  const kind = distributionKindOf(project.outputKind);
  const statistic = kind === "label" ? "jensen_shannon" : "ks";
  const firstWeek = new Date(mondayOf(now).getTime() - (DRIFT_WEEKS - 1) * 7 * DAY_MS);

  const production = await prisma().modelVersion.findFirst({
    where: { projectId, status: "production" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, version: true },
  });

  const [counts, samples, reference] = await Promise.all([
    prisma().$queryRaw<WeekRow[]>`
      WITH c AS (SELECT date_trunc('week', created_at) AS week, rating, output FROM captures WHERE project_id = ${projectId} AND created_at >= ${firstWeek}),
           scale AS (SELECT COALESCE(max(rating) > 1, false) AS stars FROM captures WHERE project_id = ${projectId} AND rating IS NOT NULL)
      SELECT c.week, count(*)::int AS captures, count(c.rating)::int AS rated,
             count(*) FILTER (WHERE CASE WHEN s.stars THEN c.rating <= 2 ELSE c.rating < 0 END)::int AS bad,
             count(*) FILTER (WHERE c.output IS NOT NULL AND c.output <> 'null'::jsonb)::int AS outputs,
             s.stars
        FROM c CROSS JOIN scale s GROUP BY c.week, s.stars ORDER BY c.week`,
    readWeeklyCaptureSamples(projectId, kind, firstWeek),
    production ? readOutputSample(projectId, production.id, kind) : null,
  ]);

  const byWeek = new Map(counts.map((row) => [isoDate(row.week), row]));
  const weeks = Array.from({ length: DRIFT_WEEKS }, (_, index) => {
    const week = isoDate(new Date(firstWeek.getTime() + index * 7 * DAY_MS));
    const row = byWeek.get(week);
    const sample = samples.get(week);
    const outputs = row?.outputs ?? 0;
    const shift = reference && sample && outputs >= MIN_DRIFT_OUTPUTS && sampleSize(reference) > 0 ? measureOutputShift(reference, sample).value : null;
    return {
      week,
      captures: row?.captures ?? 0,
      rated: row?.rated ?? 0,
      ratedBad: row?.bad ?? 0,
      badShare: row?.rated ? row.bad / row.rated : null,
      outputs,
      shift,
    };
  });
  return {
    statistic,
    threshold: project.driftThreshold,
    productionVersion: production,
    ratingScale: counts[0]?.stars ? "stars" : "thumbs",
    weeks,
  };
}

/** Each week's captured outputs as a sample, read the same way as a version's (readOutputSample). */
async function readWeeklyCaptureSamples(projectId: string, kind: "label" | "number" | "text", since: Date): Promise<Map<string, OutputSample>> {
  const where = Prisma.sql`WHERE project_id = ${projectId} AND created_at >= ${since} AND output IS NOT NULL AND output <> 'null'::jsonb`;
  const samples = new Map<string, OutputSample>();
  if (kind === "label") {
    const rows = await prisma().$queryRaw<{ week: Date; key: string; c: number }[]>`
      SELECT date_trunc('week', created_at) AS week, ${labelKeySql(Prisma.sql`output`)} AS key, count(*)::int AS c
        FROM captures ${where} GROUP BY 1, 2 ORDER BY 1, c DESC LIMIT ${DRIFT_WEEKS * 1_000}`;
    for (const row of rows) {
      const week = isoDate(row.week);
      const sample = samples.get(week) ?? { kind: "categorical" as const, counts: new Map<string, number>() };
      if (sample.kind === "categorical") (sample.counts as Map<string, number>).set(row.key, row.c);
      samples.set(week, sample);
    }
    return samples;
  }
  const value = kind === "number" ? numberValueSql(Prisma.sql`output`) : Prisma.sql`char_length(${textKeySql(Prisma.sql`output`)})::float8`;
  const rows = await prisma().$queryRaw<{ week: Date; xs: number[] }[]>`
    SELECT week, (array_agg(x ORDER BY created_at DESC))[1:${MAX_DRIFT_OUTPUTS_PER_WEEK}] AS xs
      FROM (SELECT date_trunc('week', created_at) AS week, created_at, ${value} AS x FROM captures ${where}) v
     WHERE x IS NOT NULL AND x <> 'NaN'::float8 AND x NOT IN ('Infinity'::float8, '-Infinity'::float8)
     GROUP BY week`;
  for (const row of rows) samples.set(isoDate(row.week), { kind: "numeric", values: row.xs });
  return samples;
}

function sampleSize(sample: OutputSample): number {
  return sample.kind === "numeric" ? sample.values.length : [...sample.counts.values()].reduce((a, b) => a + b, 0);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
