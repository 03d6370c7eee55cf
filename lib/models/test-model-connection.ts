import "server-only";
import { assertOutputsAreLabels } from "@/lib/connectors/assert-label-outputs";
import { loadConnectorItems } from "@/lib/connectors/load-connector-items";
import { loadModelConnector } from "@/lib/connectors/load-model-connector";
import { redactExchange } from "@/lib/connectors/shared/redact-exchange";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { judgeOutput } from "@/lib/scoring/judge-output";
import { assertConnectorHostAllowed } from "./assert-connector-url-allowed";
import { truncateExchange } from "./truncate-exchange";
import type { TestModelConnection } from "./test-model-connection.schema";

/**
 * Sends one pattern to a model version the way a replay does (same connector
 * loader, same item builder, same output normaliser) and shows what happened:
 * the output, the verdict its expectation gives, the latency and the raw
 * exchange with secrets masked (each body cut at 32 KB, so at most 64 KB are
 * shown). A URL the outbound policy refuses is a 422. Stores nothing. In a label project, an answer
 * that is not a project label is refused (422) with what to change.
 */
export async function testModelConnection(modelVersionId: string, input: TestModelConnection) {
  const loaded = await loadModelConnector({ id: modelVersionId });
  const { projectId } = loaded.modelVersion;
  const pattern = await prisma().pattern.findFirst({
    where: input.patternId
      ? { id: input.patternId, projectId, archivedAt: null, currentRevisionId: { not: null } }
      : { projectId, archivedAt: null, currentRevisionId: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, currentRevisionId: true },
  });
  if (input.patternId && !pattern) throw new NotFoundError("Pattern");
  const [prepared] = pattern?.currentRevisionId ? await loadConnectorItems(projectId, [pattern.currentRevisionId]) : [];
  if (!pattern || !prepared) throw new ValidationError("The project has no pattern to test with yet.");

  const patternInfo = { id: pattern.id, name: pattern.name, revisionId: prepared.item.patternRevisionId };
  if (!loaded.connector) return { ok: false, reason: loaded.setupError, transient: false, latencyMs: 0, pattern: patternInfo, exchange: null };
  if (loaded.config) await assertConnectorHostAllowed(loaded.config);

  const { outcomes, exchanges } = await loaded.connector.invoke([prepared.item], { timeoutMs: loaded.modelVersion.timeoutMs, project: loaded.project });
  const outcome = outcomes[0]!;
  const exchange = exchanges[0] ? truncateExchange(redactExchange(exchanges[0], loaded.secretValues)) : null;
  if (!outcome.ok) return { ok: false, reason: outcome.reason, transient: outcome.transient, latencyMs: outcome.latencyMs, pattern: patternInfo, exchange };
  assertOutputsAreLabels([outcome], loaded.project, loaded.modelVersion.connectorKind, "connector");
  return {
    ok: true,
    output: outcome.output,
    verdict: prepared.expectation ? judgeOutput(prepared.expectation, outcome.output) : undefined,
    latencyMs: outcome.latencyMs,
    pattern: patternInfo,
    exchange,
  };
}
