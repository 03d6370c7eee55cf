import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { evaluateModelAge } from "@/lib/models/evaluate-model-age";
import { jensenShannonDistance } from "@/lib/stats/jensen-shannon-distance";
import { ksStatistic } from "@/lib/stats/ks-statistic";
import { evaluateCaptureDrift } from "./evaluate-capture-drift";
import { listCaptureDrift } from "./list-capture-drift";

// Captures written with known weeks, outputs and ratings against a production
// version with known outputs on the pattern set; the weekly figures and the
// alert decisions are checked against counts and distances computed here.

const NOW = new Date("2026-11-25T12:00:00Z"); // a Wednesday; its week starts Monday 2026-11-23
const DAY = 24 * 60 * 60 * 1000;
const at = (isoDay: string, hour = 10) => new Date(`${isoDay}T${String(hour).padStart(2, "0")}:00:00Z`);

let labelProject: string;
let numberProject: string;
let productionId: string;

async function seedVersionOutputs(projectId: string, status: "production" | "candidate", outputs: unknown[], extra: { trainedAt?: Date; createdAt?: Date } = {}) {
  const problem = await prisma().problem.upsert({
    where: { projectId_number: { projectId, number: 1 } },
    create: { projectId, number: 1, key: "DR-1", title: "p", severity: "low", target: 0.2 },
    update: {},
  });
  const version = await prisma().modelVersion.create({
    data: { projectId, name: "m", version: `${status}-${Math.random()}`, status, connectorKind: "predictions", connector: { kind: "predictions" }, ...extra },
  });
  for (const [i, output] of outputs.entries()) {
    const pattern = await prisma().pattern.create({ data: { projectId, problemId: problem.id, name: `p${i}-${version.id}`, purpose: "case", origin: "contrived" } });
    const revision = await prisma().patternRevision.create({ data: { projectId, patternId: pattern.id, number: 1, inputKind: "text", input: "x", inputHash: `h-${pattern.id}`, expectation: { kind: "human" } } });
    await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: revision.id } });
    await prisma().result.create({ data: { projectId, problemId: problem.id, patternId: pattern.id, patternRevisionId: revision.id, modelVersionId: version.id, verdict: "pass", output: output as never } });
  }
  return version.id;
}

async function capture(projectId: string, createdAt: Date, output: unknown, rating?: number) {
  await prisma().capture.create({ data: { projectId, input: "x", output: output as never, rating: rating ?? null, createdAt } });
}

beforeAll(async () => {
  labelProject = (await prisma().project.create({ data: { slug: "drift-label", name: "Drift", outputKind: "label", keyPrefix: "DR", labels: ["positive", "negative"], driftThreshold: 0.3, maxModelAgeDays: 90 } })).id;
  productionId = await seedVersionOutputs(labelProject, "production", [...Array(6).fill("positive"), ...Array(4).fill("negative")], { trainedAt: new Date(NOW.getTime() - 100 * DAY) });
  // A newer candidate with other outputs must not be the reference.
  await seedVersionOutputs(labelProject, "candidate", Array(10).fill("negative"));

  // Week of 2026-11-09: the production mix, thumbs ratings (2 of 5 rated bad).
  for (let i = 0; i < 10; i++) await capture(labelProject, at("2026-11-10", i), i < 6 ? "positive" : "negative", i < 5 ? (i < 2 ? -1 : 1) : undefined);
  // Week of 2026-11-16: 3 outputs only (no shift) and one capture without output.
  for (let i = 0; i < 3; i++) await capture(labelProject, at("2026-11-17", i), "positive");
  await capture(labelProject, at("2026-11-18"), undefined, -1);
  // This week: almost all negative, a ranking counted by its best entry.
  for (let i = 0; i < 9; i++) await capture(labelProject, at("2026-11-24", i), "negative");
  await capture(labelProject, at("2026-11-24", 12), [{ label: "negative", score: 0.8 }, { label: "positive", score: 0.2 }]);
  // Older than the chart's twelve weeks: not counted.
  await capture(labelProject, at("2026-06-01"), "positive", -1);

  numberProject = (await prisma().project.create({ data: { slug: "drift-number", name: "Drift n", outputKind: "number", keyPrefix: "DN", driftThreshold: 0.5 } })).id;
  await seedVersionOutputs(numberProject, "production", [1, 2, 3, 4, 5]);
  for (const [i, value] of [3, 4, 5, 6, 7].entries()) await capture(numberProject, at("2026-11-24", i), value, 4 + (i % 2));
  await capture(numberProject, at("2026-11-24", 9), 1, 2);
});

describe("listCaptureDrift", () => {
  it("counts captures, ratings rated bad (thumbs: below 0) and the weekly shift from the production version's outputs", async () => {
    const drift = await listCaptureDrift(labelProject, NOW);
    expect(drift).toMatchObject({ statistic: "jensen_shannon", threshold: 0.3, ratingScale: "thumbs", productionVersion: { id: productionId } });
    expect(drift.weeks).toHaveLength(12);
    expect(drift.weeks.at(-1)!.week).toBe("2026-11-23");
    expect(drift.weeks[0]!.week).toBe("2026-09-07");
    const byWeek = Object.fromEntries(drift.weeks.map((w) => [w.week, w]));
    expect(byWeek["2026-11-09"]).toEqual({ week: "2026-11-09", captures: 10, rated: 5, ratedBad: 2, badShare: 0.4, outputs: 10, shift: 0 });
    expect(byWeek["2026-11-16"]).toEqual({ week: "2026-11-16", captures: 4, rated: 1, ratedBad: 1, badShare: 1, outputs: 3, shift: null });
    const current = byWeek["2026-11-23"]!;
    expect(current).toMatchObject({ captures: 10, rated: 0, badShare: null, outputs: 10 });
    expect(current.shift).toBeCloseTo(jensenShannonDistance([6, 4], [0, 10]), 12);
    expect(drift.weeks.reduce((sum, w) => sum + w.captures, 0)).toBe(24);
  });

  it("numbers: KS of the week's outputs against the production version's; ratings above 1 mean stars (bad: 2 or less)", async () => {
    const drift = await listCaptureDrift(numberProject, NOW);
    expect(drift.statistic).toBe("ks");
    expect(drift.ratingScale).toBe("stars");
    const current = drift.weeks.at(-1)!;
    expect(current).toMatchObject({ captures: 6, rated: 6, ratedBad: 1, outputs: 6 });
    expect(current.shift).toBeCloseTo(ksStatistic([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 1]), 12);
  });
});

describe("evaluateCaptureDrift", () => {
  it("judges the latest week with a measurable shift against the threshold", async () => {
    const evaluation = await evaluateCaptureDrift(labelProject, NOW);
    expect(evaluation).toMatchObject({ projectId: labelProject, overThreshold: true, threshold: 0.3, week: "2026-11-23", outputs: 10, productionModelVersionId: productionId });
    expect(evaluation.shift).toBeGreaterThan(0.3);
  });

  it("is under the threshold when the latest measurable week kept the production mix, and off when the threshold is null", async () => {
    const lastWeek = await evaluateCaptureDrift(labelProject, new Date("2026-11-20T00:00:00Z"));
    expect(lastWeek).toMatchObject({ overThreshold: false, shift: 0, week: "2026-11-09" });
    await prisma().project.update({ where: { id: labelProject }, data: { driftThreshold: null } });
    try {
      const off = await evaluateCaptureDrift(labelProject, NOW);
      expect(off.overThreshold).toBe(false);
      expect(off.threshold).toBeNull();
      expect(off.shift).toBeGreaterThan(0.3);
    } finally {
      await prisma().project.update({ where: { id: labelProject }, data: { driftThreshold: 0.3 } });
    }
  });

  it("number project: KS 1/3 stays under its 0.5 threshold", async () => {
    const evaluation = await evaluateCaptureDrift(numberProject, NOW);
    expect(evaluation).toMatchObject({ overThreshold: false, statistic: "ks", threshold: 0.5 });
    expect(evaluation.shift).toBeCloseTo(1 / 3, 12);
  });
});

describe("evaluateModelAge", () => {
  it("flags a production version trained longer ago than the project's limit", async () => {
    expect(await evaluateModelAge(labelProject, NOW)).toEqual({ projectId: labelProject, tooOld: true, ageDays: 100, limitDays: 90, modelVersionId: productionId, since: "trained" });
    expect((await evaluateModelAge(labelProject, new Date(NOW.getTime() - 20 * DAY))).tooOld).toBe(false);
  });

  it("counts from registration when the training date is unknown, and is off without a limit", async () => {
    const registered = new Date(NOW.getTime() - 5 * DAY);
    const project = await prisma().project.create({ data: { slug: "age-none", name: "Age", outputKind: "number", keyPrefix: "AG" } });
    expect(await evaluateModelAge(project.id, NOW)).toEqual({ projectId: project.id, tooOld: false, ageDays: null, limitDays: null, modelVersionId: null, since: null });
    const id = await seedVersionOutputs(project.id, "production", [], { createdAt: registered });
    expect(await evaluateModelAge(project.id, NOW)).toEqual({ projectId: project.id, tooOld: false, ageDays: 5, limitDays: null, modelVersionId: id, since: "registered" });
    await prisma().project.update({ where: { id: project.id }, data: { maxModelAgeDays: 4 } });
    expect(await evaluateModelAge(project.id, NOW)).toMatchObject({ tooOld: true, ageDays: 5, limitDays: 4 });
  });
});
