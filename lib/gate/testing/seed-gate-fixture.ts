import { prisma } from "@/lib/db/prisma";
import type { ModelStatus, ProblemStatus, Severity, Verdict } from "@/lib/db/generated/enums";
import { hashJson } from "@/lib/scoring/canonical-json";

// Rows for gate and ratchet tests, written directly: a project with problems of
// `patterns` patterns each, model versions, and verdicts set per pattern, so a
// test states the evidence ("6 broken on SENT-2") instead of replaying a model.

export type GateFixtureProblem = { severity?: Severity; status?: ProblemStatus; target?: number; ratchet?: boolean; patterns?: number };
export type GateFixture = {
  projectId: string;
  problems: { id: string; key: string; revisionIds: string[]; patternIds: string[] }[];
  addVersion(version: string, status?: ModelStatus): Promise<string>;
  /** Sets the version's result on each pattern of problem `index` (null: awaiting a grade; undefined: no result). */
  setVerdicts(modelVersionId: string, index: number, verdicts: (Verdict | null | undefined)[]): Promise<void>;
  /** A running replay of the version with an unfinished item for each of these revisions. */
  startReplay(modelVersionId: string, revisionIds: string[]): Promise<string>;
};

export async function seedGateFixture(problems: GateFixtureProblem[], slug = `gate-${Math.random().toString(36).slice(2, 10)}`): Promise<GateFixture> {
  const db = prisma();
  const project = await db.project.create({
    data: { slug, name: slug, outputKind: "label", keyPrefix: "GT", labels: ["positive", "negative"], nextProblemNumber: problems.length + 1 },
  });
  const projectId = project.id;
  const created: GateFixture["problems"] = [];
  for (const [index, spec] of problems.entries()) {
    const key = `GT-${index + 1}`;
    const problem = await db.problem.create({
      data: {
        projectId,
        number: index + 1,
        key,
        title: `Problem ${index + 1}`,
        severity: spec.severity ?? "medium",
        status: spec.status ?? "open",
        target: spec.target ?? 0.2,
        ratchet: spec.ratchet ?? false,
      },
    });
    const revisionIds: string[] = [];
    const patternIds: string[] = [];
    for (let i = 0; i < (spec.patterns ?? 10); i++) {
      const input = { text: `${key} pattern ${i}` };
      const pattern = await db.pattern.create({
        data: {
          projectId,
          problemId: problem.id,
          name: `${key} #${i}`,
          purpose: "case",
          origin: "contrived",
          revisions: { create: { projectId, number: 1, inputKind: "json", input, inputHash: hashJson(input), expectation: { kind: "equals", value: "positive" } } },
        },
        select: { id: true, revisions: { select: { id: true } } },
      });
      const revisionId = pattern.revisions[0]!.id;
      await db.pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: revisionId } });
      revisionIds.push(revisionId);
      patternIds.push(pattern.id);
    }
    created.push({ id: problem.id, key, revisionIds, patternIds });
  }

  let registered = 0;
  return {
    projectId,
    problems: created,
    async addVersion(version, status = "candidate") {
      const modelVersion = await db.modelVersion.create({
        data: {
          projectId,
          name: "model",
          version,
          status,
          connectorKind: "predictions",
          connector: { kind: "predictions" },
          // Registration order is the charts' (and chooseBaseline's) order.
          createdAt: new Date(Date.now() - 3_600_000 + ++registered * 1_000),
        },
      });
      return modelVersion.id;
    },
    async setVerdicts(modelVersionId, index, verdicts) {
      const problem = created[index]!;
      for (const [i, verdict] of verdicts.entries()) {
        const patternRevisionId = problem.revisionIds[i]!;
        if (verdict === undefined) {
          await db.result.deleteMany({ where: { modelVersionId, patternRevisionId } });
          continue;
        }
        const row = { output: "x", verdict, errorReason: verdict === "error" ? "timed out" : null };
        await db.result.upsert({
          where: { modelVersionId_patternRevisionId: { modelVersionId, patternRevisionId } },
          create: { projectId, problemId: problem.id, patternId: problem.patternIds[i]!, patternRevisionId, modelVersionId, ...row },
          update: row,
        });
      }
    },
    async startReplay(modelVersionId, revisionIds) {
      const run = await db.replayRun.create({
        data: { projectId, modelVersionId, trigger: "api", status: "running", total: revisionIds.length, startedAt: new Date(), dispatchedAt: new Date() },
      });
      await db.replayRunItem.createMany({ data: revisionIds.map((patternRevisionId) => ({ runId: run.id, patternRevisionId, projectId })) });
      return run.id;
    },
  };
}

/** `count` verdicts: `fail` failures first, then passes. */
export function verdicts(count: number, fail: number): Verdict[] {
  return Array.from({ length: count }, (_, i) => (i < fail ? "fail" : "pass"));
}
