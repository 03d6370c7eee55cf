import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { Verdict } from "@/lib/db/generated/enums";
import { listErrorRates } from "./list-error-rates";

// error_rate_counts is kept by triggers; here random sequences of every kind of
// write (results inserted in batches, re-graded, deleted; patterns edited,
// archived, restored, deleted; model versions deleted) must leave it equal to
// the aggregate over `results` that it replaces, after every step.

type Aggregate = { problemId: string; modelVersionId: string; passed: number; failed: number; errored: number; ungraded: number };

async function aggregateFromResults(projectId: string): Promise<Aggregate[]> {
  return prisma().$queryRaw<Aggregate[]>`
    SELECT r.problem_id AS "problemId", r.model_version_id AS "modelVersionId",
           (COUNT(*) FILTER (WHERE r.verdict = 'pass'))::int AS passed,
           (COUNT(*) FILTER (WHERE r.verdict = 'fail'))::int AS failed,
           (COUNT(*) FILTER (WHERE r.verdict = 'error'))::int AS errored,
           (COUNT(*) FILTER (WHERE r.verdict IS NULL))::int AS ungraded
    FROM results r
    JOIN patterns p ON p.current_revision_id = r.pattern_revision_id AND p.archived_at IS NULL
    WHERE r.project_id = ${projectId}
    GROUP BY r.problem_id, r.model_version_id`;
}

const sortKey = (r: { problemId: string; modelVersionId: string }) => `${r.problemId}/${r.modelVersionId}`;
const normalise = (rows: Aggregate[]) =>
  rows
    .map(({ problemId, modelVersionId, passed, failed, errored, ungraded }) => ({ problemId, modelVersionId, passed, failed, errored, ungraded }))
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));

const verdictArb = fc.constantFrom<Verdict | null>("pass", "fail", "error", null);
const opArb = fc.oneof(
  fc.record({ kind: fc.constant("write" as const), pattern: fc.nat(5), version: fc.nat(2), verdicts: fc.array(verdictArb, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant("regrade" as const), pattern: fc.nat(5), verdict: verdictArb }),
  fc.record({ kind: fc.constant("deleteResults" as const), version: fc.nat(2) }),
  fc.record({ kind: fc.constant("edit" as const), pattern: fc.nat(5) }),
  fc.record({ kind: fc.constant("archive" as const), pattern: fc.nat(5) }),
  fc.record({ kind: fc.constant("restore" as const), pattern: fc.nat(5) }),
  fc.record({ kind: fc.constant("deletePattern" as const), pattern: fc.nat(5) }),
  fc.record({ kind: fc.constant("deleteVersion" as const), version: fc.nat(2) }),
);

let projectNumber = 0;

async function setUp() {
  projectNumber += 1;
  const project = await prisma().project.create({ data: { slug: `counts-${projectNumber}`, name: "Counts", outputKind: "label", keyPrefix: "C" } });
  const problems = await Promise.all(
    [1, 2].map((number) => prisma().problem.create({ data: { projectId: project.id, number, key: `C-${number}`, title: "c", severity: "high", target: 0.2 } })),
  );
  const versions: string[] = [];
  for (const v of ["1", "2", "3"]) {
    versions.push((await prisma().modelVersion.create({ data: { projectId: project.id, name: "m", version: v, connectorKind: "predictions", connector: { kind: "predictions" } } })).id);
  }
  const patterns: { id: string; problemId: string }[] = [];
  for (let i = 0; i < 6; i++) {
    const problemId = problems[i % 2]!.id;
    const p = await prisma().pattern.create({ data: { projectId: project.id, problemId, name: `p${i}`, purpose: "case", origin: "contrived" } });
    const rev = await prisma().patternRevision.create({
      data: { projectId: project.id, patternId: p.id, number: 1, inputKind: "text", input: `p${i}`, inputHash: `h${p.id}`, expectation: { kind: "equals", value: "x" } },
    });
    await prisma().pattern.update({ where: { id: p.id }, data: { currentRevisionId: rev.id } });
    patterns.push({ id: p.id, problemId });
  }
  return { projectId: project.id, versions, patterns };
}

type Fixture = Awaited<ReturnType<typeof setUp>>;
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

async function apply(f: Fixture, op: Op) {
  const db = prisma();
  if (op.kind === "write" || op.kind === "regrade" || op.kind === "edit" || op.kind === "archive" || op.kind === "restore" || op.kind === "deletePattern") {
    const pattern = await db.pattern.findUnique({ where: { id: f.patterns[op.pattern]!.id }, select: { id: true, problemId: true, currentRevisionId: true } });
    if (!pattern?.currentRevisionId) return;
    if (op.kind === "write") {
      // Like a replay batch: one statement, several rows, replacing this version's result of the revision.
      const versionId = f.versions[op.version]!;
      if (!(await db.modelVersion.findUnique({ where: { id: versionId } }))) return;
      await db.$transaction([
        db.result.deleteMany({ where: { modelVersionId: versionId, patternRevisionId: pattern.currentRevisionId } }),
        db.result.createMany({
          data: [{ projectId: f.projectId, problemId: pattern.problemId, patternId: pattern.id, patternRevisionId: pattern.currentRevisionId, modelVersionId: versionId, verdict: op.verdicts[0]!, output: "x" }],
        }),
      ]);
      // Results of other revisions too (older ones stay in the table, uncounted).
      for (const [i, verdict] of op.verdicts.slice(1).entries()) {
        const other = f.versions[(op.version + i + 1) % f.versions.length]!;
        if (!(await db.modelVersion.findUnique({ where: { id: other } }))) continue;
        await db.result.upsert({
          where: { modelVersionId_patternRevisionId: { modelVersionId: other, patternRevisionId: pattern.currentRevisionId } },
          create: { projectId: f.projectId, problemId: pattern.problemId, patternId: pattern.id, patternRevisionId: pattern.currentRevisionId, modelVersionId: other, verdict, output: "y" },
          update: { verdict },
        });
      }
    } else if (op.kind === "regrade") {
      await db.result.updateMany({ where: { patternId: pattern.id }, data: { verdict: op.verdict } });
    } else if (op.kind === "edit") {
      const number = (await db.patternRevision.count({ where: { patternId: pattern.id } })) + 1;
      const rev = await db.patternRevision.create({
        data: { projectId: f.projectId, patternId: pattern.id, number, inputKind: "text", input: `edit ${number}`, inputHash: `h${pattern.id}-${number}`, expectation: { kind: "equals", value: "x" } },
      });
      await db.pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: rev.id } });
    } else if (op.kind === "archive") {
      await db.pattern.update({ where: { id: pattern.id }, data: { archivedAt: new Date() } });
    } else if (op.kind === "restore") {
      await db.pattern.update({ where: { id: pattern.id }, data: { archivedAt: null } });
    } else {
      await db.pattern.delete({ where: { id: pattern.id } });
    }
  } else if (op.kind === "deleteResults") {
    await db.result.deleteMany({ where: { projectId: f.projectId, modelVersionId: f.versions[op.version]! } });
  } else {
    await db.modelVersion.deleteMany({ where: { id: f.versions[op.version]! } });
  }
}

describe("error_rate_counts", () => {
  it("equals the aggregate over results after every write of every kind", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const f = await setUp();
        for (const op of ops) {
          await apply(f, op);
          const counted = (await listErrorRates(f.projectId)).map(({ problemId, modelVersionId, passed, failed, errored, ungraded }) => ({ problemId, modelVersionId, passed, failed, errored, ungraded }));
          expect(normalise(counted), JSON.stringify(op)).toEqual(normalise(await aggregateFromResults(f.projectId)));
        }
      }),
      { numRuns: 25 },
    );
  }, 240_000);

  it("the latest rate of a problem is its newest version with a pass or fail", async () => {
    const f = await setUp();
    const p = f.patterns[0]!;
    const rev = (await prisma().pattern.findUnique({ where: { id: p.id } }))!.currentRevisionId!;
    const write = (versionIndex: number, verdict: Verdict | null) =>
      prisma().result.create({ data: { projectId: f.projectId, problemId: p.problemId, patternId: p.id, patternRevisionId: rev, modelVersionId: f.versions[versionIndex]!, verdict, output: "x" } });
    await write(0, "fail");
    await write(1, "pass");
    await write(2, "error"); // the newest version has only an errored call: not a rate
    const latest = await listErrorRates(f.projectId, { latest: true });
    expect(latest).toEqual([expect.objectContaining({ problemId: p.problemId, modelVersionId: f.versions[1], passed: 1, failed: 0, errorRate: 0 })]);
  });
});
