import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { DEFAULT_NOW_TEST_CRON } from "@/lib/now-tests/now-test-schedule.schema";
import { DEMO_CHANGED_PATTERN } from "./demo-now-test";


/**
 * The demo's after-the-release state: a now-test schedule (off) and one
 * recorded now-test of the production version, yesterday, that found one
 * output changed. It is seeded history: the demo model is deterministic, so a
 * now-test run on it finds nothing changed. It points at the production
 * version's seed replay (a now-test's run is any replay of that version).
 */
export async function seedDemoNowTests(tx: Prisma.TransactionClient, projectId: string): Promise<void> {
  await tx.nowTestSchedule.create({ data: { projectId, cron: DEFAULT_NOW_TEST_CRON, enabled: false } });
  const production = await tx.modelVersion.findFirstOrThrow({ where: { projectId, status: "production" }, select: { id: true, connectorRevision: true } });
  const run = await tx.replayRun.findFirstOrThrow({ where: { projectId, modelVersionId: production.id }, select: { id: true, total: true } });
  const changed = await tx.pattern.findFirstOrThrow({ where: { projectId, name: DEMO_CHANGED_PATTERN }, select: { id: true } });
  const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
  await tx.nowTest.create({
    data: {
      projectId,
      modelVersionId: production.id,
      replayRunId: run.id,
      status: "completed",
      connectorRevision: production.connectorRevision,
      compared: run.total,
      changedOutputs: [changed.id],
      crossedTarget: [],
      createdAt: yesterday,
      finishedAt: new Date(yesterday.getTime() + 40_000),
    },
  });
}
