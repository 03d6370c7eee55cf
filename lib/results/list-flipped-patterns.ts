import "server-only";
// Results join on (model_version_id, pattern_revision_id) with no project_id term: see compare-model-versions.ts.
import { attachmentUrls } from "@/lib/attachments/attachment-resource";
import { Prisma } from "@/lib/db/generated/client";
import type { InputKind, PatternPurpose } from "@/lib/db/generated/enums";
import { prisma } from "@/lib/db/prisma";
import type { Expectation } from "@/lib/scoring/expectation.schema";
import type { FlippedPattern } from "./get-comparison-resource.schema";

type FlipRow = {
  problemId: string;
  patternId: string;
  patternRevisionId: string;
  name: string;
  purpose: PatternPurpose;
  inputKind: InputKind;
  input: Prisma.JsonValue;
  attachmentId: string | null;
  expectation: Expectation;
  baselineOutput: Prisma.JsonValue;
  baselineVerdict: "pass" | "fail";
  candidateOutput: Prisma.JsonValue;
  candidateVerdict: "pass" | "fail";
};

/**
 * The patterns whose verdict flipped between a baseline and a candidate model
 * version — the discordant pairs compareModelVersions counts (current revisions
 * of non-archived patterns, pass/fail on both sides) — with what a reader needs
 * to judge them: input, expectation, both outputs. Broken before fixed, then
 * by name. The caller has checked that both versions belong to the project.
 */
export async function listFlippedPatterns(input: {
  projectId: string;
  candidateId: string;
  baselineId: string;
  problemIds?: string[];
}): Promise<FlippedPattern[]> {
  const { projectId, candidateId, baselineId } = input;
  if (input.problemIds?.length === 0) return [];
  const byProblem = input.problemIds ? Prisma.sql`AND p.problem_id IN (${Prisma.join(input.problemIds)})` : Prisma.empty;
  const rows = await prisma().$queryRaw<FlipRow[]>`
    SELECT
      p.problem_id      AS "problemId",
      p.id              AS "patternId",
      rev.id            AS "patternRevisionId",
      p.name            AS "name",
      p.purpose::text   AS "purpose",
      rev.input_kind::text AS "inputKind",
      rev.input         AS "input",
      rev.attachment_id AS "attachmentId",
      rev.expectation   AS "expectation",
      rb.output         AS "baselineOutput",
      rb.verdict::text  AS "baselineVerdict",
      rc.output         AS "candidateOutput",
      rc.verdict::text  AS "candidateVerdict"
    FROM patterns p
    JOIN pattern_revisions rev
      ON rev.id = p.current_revision_id AND rev.project_id = ${projectId}
    JOIN results rb
      ON rb.pattern_revision_id = p.current_revision_id AND rb.model_version_id = ${baselineId}
    JOIN results rc
      ON rc.pattern_revision_id = p.current_revision_id AND rc.model_version_id = ${candidateId}
    WHERE p.project_id = ${projectId}
      AND p.archived_at IS NULL
      AND rb.verdict IN ('pass', 'fail')
      AND rc.verdict IN ('pass', 'fail')
      AND rb.verdict <> rc.verdict
      ${byProblem}
    ORDER BY p.problem_id, (rc.verdict = 'fail') DESC, p.name, p.id
  `;
  return rows.map((row) => ({
    problemId: row.problemId,
    patternId: row.patternId,
    patternRevisionId: row.patternRevisionId,
    name: row.name,
    purpose: row.purpose,
    flip: row.candidateVerdict === "pass" ? "fixed" : "broken",
    inputKind: row.inputKind,
    input: row.input,
    image: row.inputKind === "image" && row.attachmentId ? attachmentUrls(row.attachmentId) : null,
    expectation: row.expectation,
    baseline: { output: row.baselineOutput, verdict: row.baselineVerdict },
    candidate: { output: row.candidateOutput, verdict: row.candidateVerdict },
  }));
}
