import "server-only";
import { loadConnectorItems, type PreparedItem } from "@/lib/connectors/load-connector-items";
import { loadModelConnector } from "@/lib/connectors/load-model-connector";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { assertConnectorHostAllowed } from "./assert-connector-url-allowed";
import { sendTestItem } from "./send-test-item";
import type { TestModelConnection } from "./test-model-connection.schema";

/**
 * Sends one pattern to a model version the way a replay does (same connector
 * loader, same item builder, same output normaliser) and shows what happened
 * (sendTestItem: output, verdict, latency, the raw exchange with secrets
 * masked). A URL the outbound policy refuses is a 422. Stores nothing. In a
 * label project, an answer that is not a project label is refused (422) with what to change.
 */
export async function testModelConnection(modelVersionId: string, input: TestModelConnection) {
  const loaded = await loadModelConnector({ id: modelVersionId });
  const { projectId } = loaded.modelVersion;
  const { pattern, prepared } = await findTestPattern(projectId, input.patternId);
  const patternInfo = { id: pattern.id, name: pattern.name, revisionId: prepared.item.patternRevisionId };
  if (!loaded.connector) return { ok: false, reason: loaded.setupError, transient: false, latencyMs: 0, pattern: patternInfo, exchange: null };
  if (loaded.config) await assertConnectorHostAllowed(loaded.config);
  const call = {
    connector: loaded.connector,
    connectorKind: loaded.modelVersion.connectorKind,
    secretValues: loaded.secretValues,
    timeoutMs: loaded.modelVersion.timeoutMs,
    project: loaded.project,
    errorPath: "connector",
  };
  return sendTestItem(call, prepared.item, prepared.expectation, patternInfo);
}

/** The pattern a test sends: the one asked for (404 when not a current pattern of the project), else the project's first; 422 when it has none. */
export async function findTestPattern(projectId: string, patternId: string | undefined): Promise<{ pattern: { id: string; name: string }; prepared: PreparedItem }> {
  const pattern = await prisma().pattern.findFirst({
    where: patternId
      ? { id: patternId, projectId, archivedAt: null, currentRevisionId: { not: null } }
      : { projectId, archivedAt: null, currentRevisionId: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, currentRevisionId: true },
  });
  if (patternId && !pattern) throw new NotFoundError("Pattern");
  const [prepared] = pattern?.currentRevisionId ? await loadConnectorItems(projectId, [pattern.currentRevisionId]) : [];
  if (!pattern || !prepared) throw new ValidationError("The project has no pattern to test with yet.");
  return { pattern, prepared };
}
