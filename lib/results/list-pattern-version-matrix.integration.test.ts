import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { Verdict } from "@/lib/db/generated/enums";
import { findProjectResult } from "./find-project-result";
import { listPatternVersionMatrix } from "./list-pattern-version-matrix";
import { createTestPattern, createTestResult } from "./testing/write-test-rows";

// A problem written row by row: the matrix must show exactly these cells, leave
// out archived patterns and old revisions, and flag the pattern whose verdict
// flipped between two replay runs of the same model version.
let ids: {
  projectId: string;
  otherProjectId: string;
  problemId: string;
  versions: { id: string; name: string; version: string }[];
  resultIds: Record<string, string>;
};

async function run(projectId: string, modelVersionId: string, items: { revisionId: string; verdict: Verdict | null }[]) {
  const r = await prisma().replayRun.create({ data: { projectId, modelVersionId, trigger: "manual", status: "completed" } });
  await prisma().replayRunItem.createMany({
    data: items.map((i) => ({ runId: r.id, projectId, patternRevisionId: i.revisionId, verdict: i.verdict, finishedAt: new Date() })),
  });
}

beforeAll(async () => {
  const project = await prisma().project.create({ data: { slug: "matrix", name: "Matrix", outputKind: "label", keyPrefix: "M" } });
  const other = await prisma().project.create({ data: { slug: "matrix-other", name: "Other", outputKind: "label", keyPrefix: "O" } });
  const problem = await prisma().problem.create({ data: { projectId: project.id, number: 1, key: "M-1", title: "m", severity: "high", target: 0.2 } });
  const otherProblem = await prisma().problem.create({ data: { projectId: other.id, number: 1, key: "O-1", title: "o", severity: "high", target: 0.2 } });
  const model = (projectId: string, version: string) =>
    prisma().modelVersion.create({ data: { projectId, name: "m", version, connectorKind: "predictions", connector: { kind: "predictions" } }, select: { id: true, name: true, version: true } });
  const v1 = await model(project.id, "1");
  const v2 = await model(project.id, "2");
  const ov = await model(other.id, "1");

  const stable = await createTestPattern(project.id, problem.id, "stable");
  const flaky = await createTestPattern(project.id, problem.id, "flaky");
  const graded = await createTestPattern(project.id, problem.id, "graded");
  const fresh = await createTestPattern(project.id, problem.id, "fresh");
  const archived = await createTestPattern(project.id, problem.id, "archived");
  const resultIds: Record<string, string> = {
    stableV1: await createTestResult(project.id, problem.id, stable, v1.id, "pass"),
    stableV2: await createTestResult(project.id, problem.id, stable, v2.id, "fail", { label: "y" }),
    flakyV1: await createTestResult(project.id, problem.id, flaky, v1.id, "fail"),
    flakyV2: await createTestResult(project.id, problem.id, flaky, v2.id, "error", null),
    gradedV1: await createTestResult(project.id, problem.id, graded, v1.id, null),
  };
  await createTestResult(project.id, problem.id, archived, v1.id, "fail");
  await prisma().pattern.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });

  // "graded" was edited after v1 ran: v1's result is on revision 1, the matrix shows revision 2 (replayed on v2 only).
  const rev2 = await prisma().patternRevision.create({
    data: { projectId: project.id, patternId: graded.id, number: 2, inputKind: "text", input: "graded 2", inputHash: "h-graded-2", expectation: { kind: "equals", value: "x" } },
  });
  await prisma().pattern.update({ where: { id: graded.id }, data: { currentRevisionId: rev2.id } });
  resultIds.gradedV2 = await createTestResult(project.id, problem.id, { id: graded.id, revisionId: rev2.id }, v2.id, "pass");

  // Two replays of v1: "flaky" passed the first time and failed the second; "stable" passed both times.
  await run(project.id, v1.id, [{ revisionId: stable.revisionId, verdict: "pass" }, { revisionId: flaky.revisionId, verdict: "pass" }]);
  await run(project.id, v1.id, [{ revisionId: stable.revisionId, verdict: "pass" }, { revisionId: flaky.revisionId, verdict: "fail" }]);
  // On v2 "stable" failed once and errored once: an error is not instability.
  await run(project.id, v2.id, [{ revisionId: stable.revisionId, verdict: "fail" }]);
  await run(project.id, v2.id, [{ revisionId: stable.revisionId, verdict: "error" }]);

  // Another project's rows never leak in.
  const op = await createTestPattern(other.id, otherProblem.id, "other");
  resultIds.other = await createTestResult(other.id, otherProblem.id, op, ov.id, "pass");

  ids = { projectId: project.id, otherProjectId: other.id, problemId: problem.id, versions: [v1, v2], resultIds };
  void fresh;
});

describe("listPatternVersionMatrix", () => {
  it("has one row per current pattern and one cell per model version with the result's verdict", async () => {
    const matrix = await listPatternVersionMatrix(ids.projectId, ids.problemId, ids.versions);
    expect(matrix.modelVersions).toEqual(ids.versions);
    const byName = Object.fromEntries(matrix.rows.map((r) => [r.pattern.name, r]));
    expect(matrix.rows.map((r) => r.pattern.name)).toEqual(["stable", "flaky", "graded", "fresh"]); // creation order
    expect(byName.stable!.cells.map((c) => c.status)).toEqual(["pass", "fail"]);
    expect(byName.flaky!.cells.map((c) => c.status)).toEqual(["fail", "error"]);
    // Revision 2 of "graded" was never replayed on v1: its old awaiting-grade result does not show.
    expect(byName.graded!.cells.map((c) => c.status)).toEqual(["none", "pass"]);
    expect(byName.graded!.pattern.revisionNumber).toBe(2);
    expect(byName.fresh!.cells.map((c) => c.status)).toEqual(["none", "none"]);
    expect(byName.stable!.cells.map((c) => c.resultId)).toEqual([ids.resultIds.stableV1, ids.resultIds.stableV2]);
    expect(byName.stable!.cells.map((c) => c.output)).toEqual(["x", '{"label": "y"}']);
    expect(byName.flaky!.cells[1]).toMatchObject({ output: null, errorReason: "timeout" });
  });

  it("marks unstable exactly the pattern whose verdict changed between two replays of the same version", async () => {
    const matrix = await listPatternVersionMatrix(ids.projectId, ids.problemId, ids.versions);
    const unstable = matrix.rows.filter((r) => r.unstable).map((r) => r.pattern.name);
    expect(unstable).toEqual(["flaky"]);
    const flaky = matrix.rows.find((r) => r.pattern.name === "flaky")!;
    expect(flaky.cells.map((c) => c.unstable)).toEqual([true, false]);
  });

  it("shows nothing of a problem through another project", async () => {
    const matrix = await listPatternVersionMatrix(ids.otherProjectId, ids.problemId, ids.versions);
    expect(matrix.rows).toEqual([]);
  });
});

describe("findProjectResult", () => {
  it("returns a result of the project with its revision, and null through another project", async () => {
    const found = await findProjectResult(ids.projectId, ids.resultIds.gradedV2!);
    expect(found).toMatchObject({ verdict: "pass", current: true, patternRevision: { number: 2, input: "graded 2" }, expectation: { kind: "equals", value: "x" } });
    expect(await findProjectResult(ids.otherProjectId, ids.resultIds.gradedV2!)).toBeNull();
    expect(await findProjectResult(ids.projectId, ids.resultIds.other!)).toBeNull();
  });
});
