import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { idSchema } from "@/lib/http/id-params";
import { NotFoundError } from "@/lib/errors/domain-errors";

export const listGradingQueueQuerySchema = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  patternId: idSchema.optional().describe("One pattern's ungraded outputs of every revision, archived or not: its history"),
});
export type ListGradingQueueQuery = z.infer<typeof listGradingQueueQuerySchema>;

export type UngradedOutput = {
  /** `<patternRevisionId>.<outputHash>`: the cursor of the next page. */
  id: string;
  patternRevisionId: string;
  outputHash: string;
  output: unknown;
  patternId: string;
  patternName: string;
  problemId: string;
  input: unknown;
  /** Model versions that gave exactly this output for this revision. */
  modelVersionIds: string[];
  /** Whether the revision is the pattern's current one and the pattern is not archived (always true without `patternId`). */
  current: boolean;
};

/**
 * Outputs of `human` expectations that nobody graded yet, one row per
 * (revision, output hash): a grade applies to every model version that gave it.
 * Only what counts: current revisions of non-archived patterns (error rates
 * read nothing else). With `patternId`, that pattern's history: every
 * revision's ungraded outputs, archived or not.
 */
export async function listGradingQueue(projectId: string, query: ListGradingQueueQuery): Promise<{ items: UngradedOutput[]; nextCursor: string | null }> {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw new NotFoundError("Project");
  const [afterRevision, afterHash] = query.cursor ? query.cursor.split(".") : ["", ""];
  const rows = await prisma().$queryRaw<Omit<UngradedOutput, "id">[]>`
    SELECT r.pattern_revision_id AS "patternRevisionId", r.output_hash AS "outputHash",
           (array_agg(r.output))[1] AS "output", r.pattern_id AS "patternId", p.name AS "patternName",
           r.problem_id AS "problemId", pr.input AS "input",
           array_agg(DISTINCT r.model_version_id) AS "modelVersionIds",
           (p.current_revision_id = r.pattern_revision_id AND p.archived_at IS NULL) AS "current"
      FROM results r
      JOIN pattern_revisions pr ON pr.id = r.pattern_revision_id AND pr.project_id = ${projectId}
      JOIN patterns p ON p.id = r.pattern_id AND p.project_id = ${projectId}
     WHERE r.project_id = ${projectId}
       AND ${query.patternId ? Prisma.sql`r.pattern_id = ${query.patternId}` : Prisma.sql`p.current_revision_id = r.pattern_revision_id AND p.archived_at IS NULL`}
       AND r.verdict IS NULL AND r.output_hash IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM human_grades g WHERE g.pattern_revision_id = r.pattern_revision_id AND g.output_hash = r.output_hash)
       AND (r.pattern_revision_id, r.output_hash) > (${afterRevision ?? ""}, ${afterHash ?? ""})
     GROUP BY r.pattern_revision_id, r.output_hash, r.pattern_id, p.name, r.problem_id, pr.input, p.current_revision_id, p.archived_at
     ORDER BY r.pattern_revision_id, r.output_hash
     LIMIT ${query.limit + 1}`;
  const items = rows.slice(0, query.limit).map((row) => ({ id: `${row.patternRevisionId}.${row.outputHash}`, ...row }));
  return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
}
