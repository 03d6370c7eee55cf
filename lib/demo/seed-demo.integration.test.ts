import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { hashJson } from "@/lib/scoring/canonical-json";
import { isDatabaseEmpty, seedDemo } from "./seed-demo";

const db = createPrismaClient(inject("databaseUrl"));
afterAll(() => db.$disconnect());

describe("seedDemo", () => {
  it("fills an empty database with the demo project, its history and consistent rows", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    const { projectId } = await seedDemo(db, { modelBaseUrl: "http://demo.test/api/demo/models" });
    expect(await isDatabaseEmpty(db)).toBe(false);

    const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project).toMatchObject({ slug: "review-sentiment", keyPrefix: "SENT", nextProblemNumber: 6 });

    const problems = await db.problem.findMany({ where: { projectId }, orderBy: { number: "asc" } });
    expect(problems.map((p) => p.key)).toEqual(["SENT-1", "SENT-2", "SENT-3", "SENT-4", "SENT-5"]);

    const patterns = await db.pattern.findMany({ where: { projectId }, include: { currentRevision: true } });
    expect(patterns.length).toBe(66);
    for (const pattern of patterns) {
      expect(pattern.currentRevision?.number).toBe(1);
      expect(pattern.currentRevision?.inputHash).toBe(hashJson(pattern.currentRevision?.input));
    }

    const models = await db.modelVersion.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
    expect(models.map((m) => `${m.version}:${m.status}`)).toEqual(["1.0:retired", "1.1:retired", "2.0:retired", "2.1:production", "3.0:candidate"]);
    expect(models[0]?.connector).toEqual({
      kind: "openinference",
      baseUrl: "http://demo.test/api/demo/models",
      model: "sentiment",
      version: "1.0",
      inputName: "text",
      outputName: "label",
    });

    const results = await db.result.findMany({ where: { projectId } });
    expect(results.length).toBe(66 * 5);
    for (const result of results) expect(result.outputHash).toBe(hashJson(result.output));

    const runs = await db.replayRun.findMany({ where: { projectId }, include: { _count: { select: { results: true } } } });
    expect(runs).toHaveLength(5);
    for (const run of runs) {
      const verdicts = results.filter((r) => r.replayRunId === run.id);
      expect(run).toMatchObject({ trigger: "seed", status: "completed", total: 66, errored: 0, ungraded: 0 });
      expect(run.passed).toBe(verdicts.filter((r) => r.verdict === "pass").length);
      expect(run.failed).toBe(verdicts.filter((r) => r.verdict === "fail").length);
      expect(run._count.results).toBe(66);
    }
  });

  it("refuses to seed twice: the project slug is taken", async () => {
    await expect(seedDemo(db, { modelBaseUrl: "http://demo.test" })).rejects.toThrow();
    expect(await db.project.count()).toBe(1);
  });

  it("leaves nothing behind when it fails half-way", async () => {
    await db.project.deleteMany();
    // Results are written last: failing them proves the earlier inserts roll back.
    await db.$executeRawUnsafe(
      "CREATE FUNCTION fail_demo_results() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'results refused'; END $$",
    );
    await db.$executeRawUnsafe("CREATE TRIGGER fail_demo_results BEFORE INSERT ON results FOR EACH ROW EXECUTE FUNCTION fail_demo_results()");
    try {
      await expect(seedDemo(db, { modelBaseUrl: "http://demo.test" })).rejects.toThrow(/results refused/);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER fail_demo_results ON results");
      await db.$executeRawUnsafe("DROP FUNCTION fail_demo_results()");
    }
    expect(await isDatabaseEmpty(db)).toBe(true);
    expect(await db.problem.count()).toBe(0);
    expect(await db.pattern.count()).toBe(0);
    expect(await db.modelVersion.count()).toBe(0);
  });
});
