import "server-only";
// Results join on (model_version_id, pattern_revision_id) with no project_id term: see compare-model-versions.ts.
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import type { Readiness } from "./describe-incomplete";

/** Per problem of the project: how many of its current patterns are pending, missing, awaiting a grade or judged for the version. */
export async function listSignoffReadiness(projectId: string, modelVersionId: string, db: Prisma.TransactionClient = prisma()): Promise<Map<string, Readiness>> {
  const rows = await db.$queryRaw<(Readiness & { problemId: string })[]>`
    SELECT
      p.problem_id AS "problemId",
      (COUNT(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM replay_run_items i JOIN replay_runs rr ON rr.id = i.run_id
         WHERE i.pattern_revision_id = p.current_revision_id AND i.project_id = ${projectId} AND i.finished_at IS NULL
           AND rr.model_version_id = ${modelVersionId} AND rr.status IN ('queued', 'running'))))::int AS "pending",
      (COUNT(*) FILTER (WHERE r.id IS NULL))::int AS "missing",
      (COUNT(*) FILTER (WHERE r.id IS NOT NULL AND r.verdict IS NULL))::int AS "ungraded",
      (COUNT(*) FILTER (WHERE r.verdict IN ('pass', 'fail')))::int AS "judged"
    FROM patterns p
    LEFT JOIN results r
      ON r.pattern_revision_id = p.current_revision_id AND r.model_version_id = ${modelVersionId}
    WHERE p.project_id = ${projectId} AND p.archived_at IS NULL AND p.current_revision_id IS NOT NULL
    GROUP BY p.problem_id`;
  return new Map(rows.map(({ problemId, ...readiness }) => [problemId, readiness]));
}
