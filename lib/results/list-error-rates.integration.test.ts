import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { Verdict } from "@/lib/db/generated/enums";
import { listErrorRateResources } from "./list-error-rate-resources";
import { listErrorRates } from "./list-error-rates";
import { createTestPattern, createTestResult } from "./testing/write-test-rows";

// A small project written row by row, so the aggregate is checked against
// counts this test knows, including the rows it must ignore.
let ids: { projectId: string; problemA: string; problemB: string; v1: string; v2: string; otherProject: string };

beforeAll(async () => {
  const project = await prisma().project.create({ data: { slug: "rates", name: "Rates", outputKind: "label", keyPrefix: "R" } });
  const other = await prisma().project.create({ data: { slug: "other", name: "Other", outputKind: "label", keyPrefix: "O" } });
  const mk = (projectId: string, number: number) =>
    prisma().problem.create({ data: { projectId, number, key: `R-${number}`, title: `p${number}`, severity: "high", target: 0.2 } });
  const [a, b, o] = [await mk(project.id, 1), await mk(project.id, 2), await mk(other.id, 1)];
  const model = (projectId: string, version: string) =>
    prisma().modelVersion.create({ data: { projectId, name: "m", version, connectorKind: "predictions", connector: { kind: "predictions" } } });
  const [v1, v2, ov] = [await model(project.id, "1"), await model(project.id, "2"), await model(other.id, "1")];
  ids = { projectId: project.id, problemA: a.id, problemB: b.id, v1: v1.id, v2: v2.id, otherProject: other.id };

  // Problem A on v1: 3 pass, 1 fail, 1 error, 1 awaiting a grade.
  const verdicts: (Verdict | null)[] = ["pass", "pass", "pass", "fail", "error", null];
  for (const [i, verdict] of verdicts.entries()) await createTestResult(project.id, a.id, await createTestPattern(project.id, a.id, `a${i}`), v1.id, verdict);

  // An archived pattern's failure does not count.
  const archived = await createTestPattern(project.id, a.id, "archived");
  await createTestResult(project.id, a.id, archived, v1.id, "fail");
  await prisma().pattern.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });

  // A pattern edited after v1 ran: v1's result belongs to the old revision and no longer counts.
  const edited = await createTestPattern(project.id, a.id, "edited");
  await createTestResult(project.id, a.id, edited, v1.id, "fail");
  const rev2 = await prisma().patternRevision.create({
    data: { projectId: project.id, patternId: edited.id, number: 2, inputKind: "text", input: "edited 2", inputHash: "h2", expectation: { kind: "equals", value: "x" } },
  });
  await prisma().pattern.update({ where: { id: edited.id }, data: { currentRevisionId: rev2.id } });
  await createTestResult(project.id, a.id, { id: edited.id, revisionId: rev2.id }, v2.id, "pass");

  // Problem B on v2: all fail. Another project's rows never leak in.
  await createTestResult(project.id, b.id, await createTestPattern(project.id, b.id, "b0"), v2.id, "fail");
  await createTestResult(other.id, o.id, await createTestPattern(other.id, o.id, "o0"), ov.id, "fail");
});

describe("listErrorRates", () => {
  it("counts passed, failed, errored and ungraded over current, non-archived revisions only", async () => {
    const rates = await listErrorRates(ids.projectId);
    const find = (problemId: string, modelVersionId: string) => rates.find((r) => r.problemId === problemId && r.modelVersionId === modelVersionId);
    expect(rates).toHaveLength(3);

    const a1 = find(ids.problemA, ids.v1)!;
    expect(a1).toMatchObject({ passed: 3, failed: 1, errored: 1, ungraded: 1, n: 4, errorRate: 0.25 });
    // Wilson 95% for 1/4: [0.0456, 0.6994].
    expect(a1.low).toBeCloseTo(0.0456, 3);
    expect(a1.high).toBeCloseTo(0.6994, 3);

    expect(find(ids.problemA, ids.v2)).toMatchObject({ passed: 1, failed: 0, n: 1, errorRate: 0 });
    expect(find(ids.problemB, ids.v2)).toMatchObject({ passed: 0, failed: 1, n: 1, errorRate: 1 });
  });

  it("keeps projects apart", async () => {
    const rates = await listErrorRates(ids.otherProject);
    expect(rates).toHaveLength(1);
    expect(rates[0]!.failed).toBe(1);
  });

  it("narrows to the problems and model versions asked for", async () => {
    const cells = (rates: { problemId: string; modelVersionId: string }[]) => rates.map((r) => `${r.problemId}/${r.modelVersionId}`).sort();
    expect(cells(await listErrorRates(ids.projectId, { problemIds: [ids.problemA] }))).toEqual([`${ids.problemA}/${ids.v1}`, `${ids.problemA}/${ids.v2}`].sort());
    expect(cells(await listErrorRates(ids.projectId, { modelVersionIds: [ids.v2] }))).toEqual([`${ids.problemA}/${ids.v2}`, `${ids.problemB}/${ids.v2}`].sort());
    expect(cells(await listErrorRates(ids.projectId, { problemIds: [ids.problemB], modelVersionIds: [ids.v1] }))).toEqual([]);
    expect(await listErrorRates(ids.projectId, { problemIds: [] })).toEqual([]);
    // Ids of another project never widen the scope.
    expect(await listErrorRates(ids.projectId, { modelVersionIds: [ids.otherProject] })).toEqual([]);
  });

  it("latest: per problem, the newest model version with a pass or fail", async () => {
    const latest = await listErrorRates(ids.projectId, { latest: true });
    expect(latest.map((r) => `${r.problemId}/${r.modelVersionId}`).sort()).toEqual([`${ids.problemA}/${ids.v2}`, `${ids.problemB}/${ids.v2}`].sort());
    expect(await listErrorRates(ids.projectId, { latest: true, problemIds: [ids.problemB] })).toEqual([expect.objectContaining({ problemId: ids.problemB, failed: 1 })]);
  });
});

describe("listErrorRateResources", () => {
  it("pages through every rate exactly once by cursor, and refuses a cursor it did not make", async () => {
    const all = await listErrorRates(ids.projectId);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listErrorRateResources(ids.projectId, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((r) => `${r.problemId}/${r.modelVersionId}`));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.map((r) => `${r.problemId}/${r.modelVersionId}`).sort());
    expect(seen).toHaveLength(3);
    await expect(listErrorRateResources(ids.projectId, { limit: 2, cursor: "bm9wZQ" })).rejects.toThrow("Invalid cursor");
  });
});
