import "server-only";
import type { ConnectorItem } from "@/lib/connectors/connector";
import { redactExchange } from "@/lib/connectors/shared/redact-exchange";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { expectationSchema } from "@/lib/scoring/expectation.schema";
import { judgeOutput } from "@/lib/scoring/judge-output";
import { loadModelConnector } from "./load-model-connector";
import type { TestModelConnection } from "./test-model-connection.schema";

/**
 * Sends one pattern to a model version and shows what happened: the output,
 * the verdict its expectation gives, the latency and the raw exchange with
 * secrets masked. Stores nothing.
 */
export async function testModelConnection(modelVersionId: string, input: TestModelConnection) {
  const loaded = await loadModelConnector(modelVersionId);
  const { projectId } = loaded.modelVersion;
  const pattern = await prisma().pattern.findFirst({
    where: input.patternId
      ? { id: input.patternId, projectId, archivedAt: null, currentRevisionId: { not: null } }
      : { projectId, archivedAt: null, currentRevisionId: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      currentRevision: {
        select: { id: true, projectId: true, inputKind: true, input: true, expectation: true, attachment: { select: { contentType: true, data: true, projectId: true } } },
      },
    },
  });
  if (input.patternId && !pattern) throw new NotFoundError("Pattern");
  const revision = pattern?.currentRevision;
  if (!pattern || !revision || revision.projectId !== projectId) throw new ValidationError("The project has no pattern to test with yet.");

  const patternInfo = { id: pattern.id, name: pattern.name, revisionId: revision.id };
  if (!loaded.connector) return { ok: false, reason: loaded.setupError, transient: false, latencyMs: 0, pattern: patternInfo, exchange: null };

  const expectation = expectationSchema.safeParse(revision.expectation);
  const attachment = revision.attachment && revision.attachment.projectId === projectId ? revision.attachment : null;
  const item: ConnectorItem = {
    patternRevisionId: revision.id,
    patternId: pattern.id,
    inputKind: revision.inputKind,
    input: revision.input,
    ...(attachment ? { image: { contentType: attachment.contentType, data: attachment.data } } : {}),
    expectationKind: expectation.success ? expectation.data.kind : "equals",
  };
  const { outcomes, exchanges } = await loaded.connector.invoke([item], { timeoutMs: loaded.modelVersion.timeoutMs, project: loaded.project });
  const outcome = outcomes[0]!;
  const exchange = exchanges[0] ? redactExchange(exchanges[0], loaded.secretValues) : null;
  if (!outcome.ok) return { ok: false, reason: outcome.reason, transient: outcome.transient, latencyMs: outcome.latencyMs, pattern: patternInfo, exchange };
  return {
    ok: true,
    output: outcome.output,
    verdict: expectation.success ? judgeOutput(expectation.data, outcome.output) : undefined,
    latencyMs: outcome.latencyMs,
    pattern: patternInfo,
    exchange,
  };
}
