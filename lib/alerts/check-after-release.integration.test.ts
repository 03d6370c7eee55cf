import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { checkAfterRelease } from "./check-after-release";

// The time-driven alerts: a week of captures drifting past the threshold and a
// production model past its age limit each fire once, however often the sweep
// runs; a project under its threshold and without a limit fires nothing.

const NOW = new Date("2026-11-25T12:00:00Z"); // week of Monday 2026-11-23
const DAY = 24 * 60 * 60 * 1000;

let drifting: string;
let calm: string;
let productionId: string;
let hookId: string;

async function seedProject(slug: string, settings: { driftThreshold: number | null; maxModelAgeDays: number | null }, captured: string[]) {
  const project = await prisma().project.create({ data: { slug, name: slug, outputKind: "label", keyPrefix: "AR", labels: ["positive", "negative"], ...settings } });
  const problem = await prisma().problem.create({ data: { projectId: project.id, number: 1, key: "AR-1", title: "p", severity: "low", target: 0.2 } });
  const version = await prisma().modelVersion.create({
    data: { projectId: project.id, name: "m", version: "1", status: "production", connectorKind: "predictions", connector: { kind: "predictions" }, trainedAt: new Date(NOW.getTime() - 100 * DAY) },
  });
  // The production version answers half positive, half negative on the pattern set.
  for (let i = 0; i < 10; i++) {
    const pattern = await prisma().pattern.create({ data: { projectId: project.id, problemId: problem.id, name: `p${i}`, purpose: "case", origin: "contrived" } });
    const revision = await prisma().patternRevision.create({ data: { projectId: project.id, patternId: pattern.id, number: 1, inputKind: "text", input: "x", inputHash: `h-${pattern.id}`, expectation: { kind: "human" } } });
    await prisma().pattern.update({ where: { id: pattern.id }, data: { currentRevisionId: revision.id } });
    await prisma().result.create({ data: { projectId: project.id, problemId: problem.id, patternId: pattern.id, patternRevisionId: revision.id, modelVersionId: version.id, verdict: "pass", output: i < 5 ? "positive" : "negative" } });
  }
  for (const [i, output] of captured.entries()) {
    await prisma().capture.create({ data: { projectId: project.id, input: "x", output, createdAt: new Date(`2026-11-24T${String(i).padStart(2, "0")}:00:00Z`) } });
  }
  return { projectId: project.id, productionId: version.id };
}

beforeAll(async () => {
  // This week production answered negative to everything: far from its 50/50 mix.
  ({ projectId: drifting, productionId } = await seedProject("after-release-drift", { driftThreshold: 0.3, maxModelAgeDays: 90 }, Array(10).fill("negative")));
  calm = (await seedProject("after-release-calm", { driftThreshold: 0.3, maxModelAgeDays: null }, [...Array(5).fill("positive"), ...Array(5).fill("negative")])).projectId;
  hookId = (await prisma().webhook.create({ data: { projectId: drifting, url: "http://127.0.0.1:9/hook", format: "json", events: ["captures.drift", "model.too_old"], secret: Buffer.alloc(32) } })).id;
});

describe("checkAfterRelease", () => {
  it("fires captures.drift once per week and model.too_old once per version and limit, with a delivery for the subscribed hook", async () => {
    expect(await checkAfterRelease(NOW)).toEqual({ fired: 2 });
    expect(await checkAfterRelease(NOW)).toEqual({ fired: 0 });
    expect(await checkAfterRelease(new Date(NOW.getTime() + 60 * 60 * 1000))).toEqual({ fired: 0 });

    const events = await prisma().projectEvent.findMany({ where: { projectId: drifting }, orderBy: { event: "asc" } });
    expect(events.map((e) => [e.event, e.dedupeKey])).toEqual([
      ["captures.drift", "week:2026-11-23"],
      ["model.too_old", `${productionId}:90`],
    ]);
    expect(events[0]!.payload).toMatchObject({ week: "2026-11-23", threshold: 0.3, statistic: "jensen_shannon", outputs: 10, productionModelVersionId: productionId });
    expect((events[0]!.payload as { shift: number }).shift).toBeGreaterThan(0.3);
    expect(events[1]!.payload).toMatchObject({ modelVersionId: productionId, ageDays: 100, limitDays: 90, since: "trained" });

    const deliveries = await prisma().webhookDelivery.findMany({ where: { webhookId: hookId } });
    expect(deliveries.map((d) => d.event).sort()).toEqual(["captures.drift", "model.too_old"]);
    expect(await prisma().projectEvent.count({ where: { projectId: calm } })).toBe(0);
  });

  it("fires model.too_old again when the limit changes, and never while the checks are off", async () => {
    await prisma().project.update({ where: { id: drifting }, data: { maxModelAgeDays: 30 } });
    expect(await checkAfterRelease(NOW)).toEqual({ fired: 1 });
    await prisma().project.update({ where: { id: drifting }, data: { maxModelAgeDays: null, driftThreshold: null } });
    expect(await checkAfterRelease(new Date(NOW.getTime() + 7 * DAY))).toEqual({ fired: 0 });
    expect(await prisma().projectEvent.count({ where: { projectId: drifting, event: "model.too_old" } })).toBe(2);
  });
});
