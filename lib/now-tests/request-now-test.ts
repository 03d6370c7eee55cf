import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { getNowTestResource } from "./list-now-test-resources";
import { startNowTest } from "./start-now-test";

/** `POST /models/{modelId}/now-tests`: a now-test at once; 202 with it (running until its replay finishes). */
export async function requestNowTest(actor: Actor, modelVersionId: string) {
  const { nowTest } = await prisma().$transaction(
    async (tx) => {
      const started = await startNowTest(tx, { modelVersionId, createdById: actor.user.id });
      await recordAuditEvent(actor, { action: "now_test.request", entityType: "now_test", entityId: started.nowTest.id, projectId: started.nowTest.projectId, data: { modelVersionId, replayRunId: started.run.id } }, tx);
      return started;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return getNowTestResource(nowTest.projectId, nowTest.id);
}
