import "server-only";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { hashJson } from "@/lib/scoring/canonical-json";
import { judgeOutput } from "@/lib/scoring/judge-output";
import { DEMO_PROBLEMS, DEMO_PROJECT } from "./demo-project";
import { demoOutputFor } from "./demo-output-for";
import { DEMO_MODEL_NAME, DEMO_MODEL_VERSIONS, hash01, predictSentiment } from "./sentiment-model";

export type SeedDemoOptions = {
  /** Base URL of the demo model server, e.g. http://127.0.0.1:3000/api/demo/models. */
  modelBaseUrl: string;
};

type SeededRevision = { patternId: string; problemId: string; revisionId: string; text: string; expectation: (typeof DEMO_PROBLEMS)[number]["patterns"][number]["expectation"] };

/**
 * Writes the demo project: its problems and patterns, the five registered
 * versions of the demo sentiment model, and their results, all in one
 * transaction so a failure leaves nothing behind.
 */
export async function seedDemo(db: PrismaClient, options: SeedDemoOptions): Promise<{ projectId: string }> {
  return db.$transaction(
    async (tx) => {
      const project = await tx.project.create({
        data: {
          slug: DEMO_PROJECT.slug,
          name: DEMO_PROJECT.name,
          description: DEMO_PROJECT.description,
          outputKind: DEMO_PROJECT.outputKind,
          keyPrefix: DEMO_PROJECT.keyPrefix,
          labels: [...DEMO_PROJECT.labels],
          nextProblemNumber: DEMO_PROBLEMS.length + 1,
        },
      });
      const revisions = await seedProblemsAndPatterns(tx, project.id);
      await seedModelVersionsAndResults(tx, project.id, revisions, options.modelBaseUrl);
      return { projectId: project.id };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** True when the database holds no project yet: the only state the demo is seeded into. */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.project.count()) === 0;
}

async function seedProblemsAndPatterns(tx: Prisma.TransactionClient, projectId: string): Promise<SeededRevision[]> {
  const revisions: SeededRevision[] = [];
  for (const [index, demoProblem] of DEMO_PROBLEMS.entries()) {
    const number = index + 1;
    const problem = await tx.problem.create({
      data: {
        projectId,
        number,
        key: `${DEMO_PROJECT.keyPrefix}-${number}`,
        title: demoProblem.title,
        description: demoProblem.description,
        severity: demoProblem.severity,
        status: demoProblem.status,
        origin: demoProblem.origin,
        target: demoProblem.target,
      },
    });
    for (const demoPattern of demoProblem.patterns) {
      const input = { text: demoPattern.text };
      const pattern = await tx.pattern.create({
        data: {
          projectId,
          problemId: problem.id,
          name: demoPattern.name,
          polarity: demoPattern.polarity,
          origin: demoPattern.origin,
          notes: demoPattern.notes ?? "",
          revisions: {
            create: {
              projectId,
              number: 1,
              inputKind: "json",
              input,
              inputHash: hashJson(input),
              expectation: demoPattern.expectation,
            },
          },
        },
        select: { id: true, revisions: { select: { id: true } } },
      });
      const revisionId = pattern.revisions[0]?.id;
      if (!revisionId) throw new Error(`Pattern "${demoPattern.name}" was created without its revision`);
      await tx.pattern.update({ where: { id: pattern.id, projectId }, data: { currentRevisionId: revisionId } });
      revisions.push({ patternId: pattern.id, problemId: problem.id, revisionId, text: demoPattern.text, expectation: demoPattern.expectation });
    }
  }
  return revisions;
}

async function seedModelVersionsAndResults(
  tx: Prisma.TransactionClient,
  projectId: string,
  revisions: readonly SeededRevision[],
  modelBaseUrl: string,
): Promise<void> {
  // Registration order is the charts' x axis: one minute apart, oldest first, all in the past.
  const firstRegisteredAt = Date.now() - (DEMO_MODEL_VERSIONS.length + 1) * 60_000;
  for (const [index, demoVersion] of DEMO_MODEL_VERSIONS.entries()) {
    const registeredAt = new Date(firstRegisteredAt + index * 60_000);
    const modelVersion = await tx.modelVersion.create({
      data: {
        projectId,
        name: DEMO_MODEL_NAME,
        version: demoVersion.version,
        status: demoVersion.status,
        connectorKind: "openinference",
        connector: {
          kind: "openinference",
          baseUrl: modelBaseUrl,
          model: DEMO_MODEL_NAME,
          version: demoVersion.version,
          inputName: "text",
          outputName: "label",
        },
        trainedAt: new Date(demoVersion.trainedAt),
        metrics: demoVersion.metrics,
        sourceUrl: demoVersion.sourceUrl,
        createdAt: registeredAt,
      },
    });

    const results = revisions.map((revision) => {
      const output = demoOutputFor(revision.expectation, predictSentiment(demoVersion, revision.text));
      const verdict = judgeOutput(revision.expectation, output);
      return {
        projectId,
        problemId: revision.problemId,
        patternId: revision.patternId,
        patternRevisionId: revision.revisionId,
        modelVersionId: modelVersion.id,
        output,
        outputHash: hashJson(output),
        verdict: verdict === "needs_grade" ? null : verdict,
        latencyMs: 3 + Math.floor(hash01(`latency\u0000${demoVersion.version}\u0000${revision.text}`) * 25),
        createdAt: registeredAt,
      };
    });

    const run = await tx.replayRun.create({
      data: {
        projectId,
        modelVersionId: modelVersion.id,
        trigger: "seed",
        status: "completed",
        total: results.length,
        passed: results.filter((r) => r.verdict === "pass").length,
        failed: results.filter((r) => r.verdict === "fail").length,
        errored: 0,
        ungraded: results.filter((r) => r.verdict === null).length,
        createdAt: registeredAt,
        startedAt: registeredAt,
        finishedAt: registeredAt,
      },
    });
    await tx.result.createMany({ data: results.map((result) => ({ ...result, replayRunId: run.id })) });
  }
}
