import "server-only";
import { loadConnectorItems, type PreparedItem } from "@/lib/connectors/load-connector-items";
import { loadModelConnector, type LoadedModelConnector } from "@/lib/connectors/load-model-connector";
import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log/logger.mjs";
import type { Expectation } from "@/lib/scoring/expectation.schema";
import type { ReplayBatchPayload } from "./replay-batch.schema";

export type PreparedReplayBatch = {
  /** connectorRevision: the configuration this batch calls the model with, stored on its results. */
  run: { id: string; projectId: string; modelVersionId: string; connectorRevision: number };
  /** Items to call, in revision order. */
  callable: (PreparedItem & { expectation: Expectation })[];
  /** Items whose stored expectation does not parse: recorded as errors, never called. */
  invalid: PreparedItem[];
  connection: LoadedModelConnector;
};

/**
 * Everything one batch needs before calling the model: the run (marked
 * running; null when it is over or not found), the batch's unfinished
 * revisions as connector items (the item builder Test connection uses too)
 * and the model version's connector (the one loader). Null: nothing to do.
 */
export async function prepareReplayBatch(payload: ReplayBatchPayload): Promise<PreparedReplayBatch | null> {
  const db = prisma();
  const { runId, projectId, modelVersionId } = payload;
  const run = await db.replayRun.findFirst({ where: { id: runId, projectId, modelVersionId }, select: { status: true } });
  if (!run || (run.status !== "queued" && run.status !== "running")) return null;
  if (run.status === "queued") {
    const started = await db.replayRun.updateMany({ where: { id: runId, projectId, status: "queued" }, data: { status: "running", startedAt: new Date() } });
    if (started.count === 1) logger().info({ runId, modelVersionId, projectId }, "replay run started");
  }
  const unfinished = await db.replayRunItem.findMany({
    where: { runId, projectId, patternRevisionId: { in: payload.patternRevisionIds }, finishedAt: null },
    select: { patternRevisionId: true },
  });
  if (unfinished.length === 0) return null;
  const [items, connection] = await Promise.all([
    loadConnectorItems(projectId, unfinished.map((u) => u.patternRevisionId)),
    loadModelConnector({ id: modelVersionId, projectId }),
  ]);
  return {
    run: { id: runId, projectId, modelVersionId, connectorRevision: connection.modelVersion.connectorRevision },
    callable: items.filter((p): p is PreparedItem & { expectation: Expectation } => p.expectation !== null),
    invalid: items.filter((p) => p.expectation === null),
    connection,
  };
}
