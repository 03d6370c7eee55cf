import "server-only";
import { prisma } from "@/lib/db/prisma";
import { listReplayCompleteness } from "@/lib/gate/list-replay-completeness";

/** Where a model version stands over every current pattern, whatever its last run covered. */
export type ModelVersionStanding = {
  /** Current (non-archived) patterns of the project. */
  patterns: number;
  passed: number;
  failed: number;
  errored: number;
  awaitingGrade: number;
  /** No result and no replay queued. */
  notReplayed: number;
  /** In a queued or running replay of the version. */
  replaying: number;
  /** Results (of any verdict above) made with an earlier connector configuration than the version's current one. */
  stale: number;
};

/**
 * The version's standing over all current patterns: the settled verdicts,
 * what waits for a grade, what is being replayed and what was never replayed
 * (listReplayCompleteness, what the gate reads), and how many results are
 * stale because the connector changed after they were made.
 */
export async function getModelVersionStanding(projectId: string, modelVersionId: string): Promise<ModelVersionStanding> {
  const [completeness, [stale]] = await Promise.all([
    listReplayCompleteness(projectId, modelVersionId),
    prisma().$queryRaw<{ stale: number }[]>`
      SELECT COUNT(*)::int AS stale
      FROM patterns p
      JOIN results r ON r.pattern_revision_id = p.current_revision_id AND r.model_version_id = ${modelVersionId}
      JOIN model_versions m ON m.id = r.model_version_id AND m.project_id = ${projectId}
      WHERE p.project_id = ${projectId} AND p.archived_at IS NULL AND r.connector_revision < m.connector_revision`,
  ]);
  const sum = (field: "patterns" | "passed" | "failed" | "errored" | "awaitingGrade" | "missing" | "pending") => completeness.reduce((total, c) => total + c[field], 0);
  return {
    patterns: sum("patterns"),
    passed: sum("passed"),
    failed: sum("failed"),
    errored: sum("errored"),
    awaitingGrade: sum("awaitingGrade"),
    notReplayed: sum("missing"),
    replaying: sum("pending"),
    stale: stale?.stale ?? 0,
  };
}
