import "server-only";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { requestReplay } from "@/lib/replay/request-replay";
import { hashJson } from "@/lib/scoring/canonical-json";
import { buildDemoCaptures } from "./demo-captures";
import { DEMO_PROBLEMS, DEMO_PROJECT } from "./demo-project";
import { DEMO_MODEL_NAME, DEMO_MODEL_VERSIONS } from "./sentiment-model";
import { seedDemoNowTests } from "./seed-demo-now-tests";

export type SeedDemoOptions = {
  /** Base URL of the demo model server, e.g. http://127.0.0.1:3000/api/demo/models. */
  modelBaseUrl: string;
};

/**
 * Writes the demo project: its problems and patterns and the five registered
 * versions of the demo sentiment model, each with a queued replay run that the
 * worker executes against the demo model route once the server is up, and
 * eight weeks of production captures (lib/demo/demo-captures.ts). One
 * transaction, so a failure leaves nothing behind.
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
      await seedProblemsAndPatterns(tx, project.id);
      // Eight weeks of production captures with outputs and ratings: the captures page's drift chart has data.
      await tx.capture.createMany({
        data: buildDemoCaptures(new Date()).map((capture) => ({ projectId: project.id, input: capture.input, output: capture.output, rating: capture.rating, status: capture.status, createdAt: capture.createdAt })),
      });
      await seedModelVersions(tx, project.id, options.modelBaseUrl);
      await seedDemoNowTests(tx, project.id);
      return { projectId: project.id };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** True when the database holds no project yet: the only state the demo is seeded into. */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.project.count()) === 0;
}

async function seedProblemsAndPatterns(tx: Prisma.TransactionClient, projectId: string): Promise<void> {
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
        ratchet: demoProblem.ratchet ?? false,
      },
    });
    for (const demoPattern of demoProblem.patterns) {
      const input = { text: demoPattern.text };
      const pattern = await tx.pattern.create({
        data: {
          projectId,
          problemId: problem.id,
          name: demoPattern.name,
          purpose: demoPattern.purpose,
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
    }
  }
}

async function seedModelVersions(tx: Prisma.TransactionClient, projectId: string, modelBaseUrl: string): Promise<void> {
  // Registration order is the charts' x axis: one minute apart, oldest first, all in the past.
  const firstRegisteredAt = Date.now() - (DEMO_MODEL_VERSIONS.length + 1) * 60_000;
  for (const [index, demoVersion] of DEMO_MODEL_VERSIONS.entries()) {
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
          rankedLabelsName: "ranked_labels",
        },
        trainedAt: new Date(demoVersion.trainedAt),
        metrics: demoVersion.metrics,
        sourceUrl: demoVersion.sourceUrl,
        createdAt: new Date(firstRegisteredAt + index * 60_000),
      },
    });
    // Results come from the replay engine calling the demo model over HTTP, like any model's.
    await requestReplay(tx, { projectId, modelVersionId: modelVersion.id, trigger: "seed" });
  }
}
