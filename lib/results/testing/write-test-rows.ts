import { prisma } from "@/lib/db/prisma";
import type { Verdict } from "@/lib/db/generated/enums";

// Rows written one by one for the results module's integration tests, so each
// test knows exactly what the readers must find.

/** A pattern with its first revision as the current one. */
export async function createTestPattern(projectId: string, problemId: string, name: string) {
  const p = await prisma().pattern.create({ data: { projectId, problemId, name, purpose: "case", origin: "contrived" } });
  const rev = await prisma().patternRevision.create({
    data: { projectId, patternId: p.id, number: 1, inputKind: "text", input: name, inputHash: `h-${p.id}`, expectation: { kind: "equals", value: "x" } },
  });
  await prisma().pattern.update({ where: { id: p.id }, data: { currentRevisionId: rev.id } });
  return { id: p.id, revisionId: rev.id };
}

/** One result of a pattern revision on a model version; returns its id. */
export async function createTestResult(
  projectId: string,
  problemId: string,
  pattern: { id: string; revisionId: string },
  modelVersionId: string,
  verdict: Verdict | null,
  output: unknown = "x",
) {
  const r = await prisma().result.create({
    data: {
      projectId,
      problemId,
      patternId: pattern.id,
      patternRevisionId: pattern.revisionId,
      modelVersionId,
      verdict,
      output: output as string,
      errorReason: verdict === "error" ? "timeout" : null,
    },
  });
  return r.id;
}
