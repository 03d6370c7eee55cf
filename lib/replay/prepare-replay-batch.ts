import "server-only";
import { preparedItem, type ConnectorItemSource, type PreparedItem } from "@/lib/connectors/load-connector-items";
import type { InputKind } from "@/lib/db/generated/enums";
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
  const [items, connection] = await Promise.all([loadUnfinishedItems(payload), loadModelConnector({ id: modelVersionId, projectId })]);
  if (items.length === 0) return null;
  return {
    run: { id: runId, projectId, modelVersionId, connectorRevision: connection.modelVersion.connectorRevision },
    callable: items.filter((p): p is PreparedItem & { expectation: Expectation } => p.expectation !== null),
    invalid: items.filter((p) => p.expectation === null),
    connection,
  };
}

type ItemRow = Omit<ConnectorItemSource, "attachment"> & { contentType: string | null; data: Uint8Array | null };

/**
 * The batch's unfinished revisions (finished ones are skipped: resume after a
 * crash) with their problem and same-project attachment, in one statement, in
 * revision order, built into items by THE item builder (preparedItem).
 */
async function loadUnfinishedItems({ runId, projectId, patternRevisionIds }: ReplayBatchPayload): Promise<PreparedItem[]> {
  const rows = await prisma().$queryRaw<ItemRow[]>`
    SELECT r.id, r.pattern_id AS "patternId", p.problem_id AS "problemId", r.input_kind::text AS "inputKind",
           r.input, r.expectation, a.content_type AS "contentType", a.data
      FROM replay_run_items i
      JOIN pattern_revisions r ON r.id = i.pattern_revision_id AND r.project_id = ${projectId}
      JOIN patterns p ON p.id = r.pattern_id
      LEFT JOIN attachments a ON a.id = r.attachment_id AND a.project_id = ${projectId}
     WHERE i.run_id = ${runId} AND i.project_id = ${projectId}
       AND i.pattern_revision_id = ANY(${patternRevisionIds}::text[]) AND i.finished_at IS NULL
     ORDER BY r.id`;
  return rows.map(({ contentType, data, ...row }) =>
    preparedItem(projectId, {
      ...row,
      inputKind: row.inputKind as InputKind,
      attachment: contentType !== null && data !== null ? { contentType, data, projectId } : null,
    }),
  );
}
