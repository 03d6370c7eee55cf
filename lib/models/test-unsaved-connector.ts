import "server-only";
import type { ConnectorItem } from "@/lib/connectors/connector";
import { connectorKind } from "@/lib/connectors/connector-kinds";
import { connectorSecretReferences } from "@/lib/connectors/connector-secret-references";
import { createConnector } from "@/lib/connectors/create-connector";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { assertConnectorSecrets } from "./assert-connector-secrets";
import { assertConnectorHostAllowed, assertConnectorUrlAllowed } from "./assert-connector-url-allowed";
import { sendTestItem, type TestItemPattern } from "./send-test-item";
import { findTestPattern } from "./test-model-connection";
import type { TestUnsavedConnector } from "./test-unsaved-connector.schema";

/** Stands in for a pattern revision when a sample input is sent: nothing is stored under it. */
const SAMPLE_ID = "sample";

/**
 * Test connection before registering: builds the connector from the request
 * (the same factory, outbound policy and secret rules as registration: a
 * refused URL or a secret the connector uses but the request lacks is a 422
 * at its body path), sends one pattern of the project or a sample input, and
 * answers as Test connection does (sendTestItem: secrets masked everywhere).
 * Kinds that take an uploaded file can only be tested once registered. Stores nothing.
 */
export async function testUnsavedConnector(projectId: string, input: TestUnsavedConnector) {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { outputKind: true, labels: true } });
  if (!project) throw new NotFoundError("Project");
  const { connector: config, connectorSecrets: secrets } = input;
  if (connectorKind(config.kind).upload) {
    throw new ValidationError("This connector kind runs an uploaded file: register the model version, upload the file, then test it.", [
      { path: "body.connector.kind", message: `${config.kind} cannot be tested before its file is uploaded` },
    ]);
  }
  assertConnectorUrlAllowed(config);
  assertConnectorSecrets(connectorSecretReferences(config), secrets);
  await assertConnectorHostAllowed(config, "body.connector");

  const sent = input.sampleInput !== undefined ? sampleItem(input.sampleInput) : await patternItem(projectId, input.patternId);
  const call = {
    connector: createConnector(config, { secrets }),
    connectorKind: config.kind,
    secretValues: Object.values(secrets),
    timeoutMs: input.timeoutMs,
    project,
    errorPath: "body.connector",
  };
  return sendTestItem(call, sent.item, sent.expectation, sent.pattern);
}

function sampleItem(sampleInput: unknown): { item: ConnectorItem; expectation: null; pattern: TestItemPattern } {
  const inputKind = typeof sampleInput === "string" ? "text" : "json";
  return { item: { patternRevisionId: SAMPLE_ID, patternId: SAMPLE_ID, inputKind, input: sampleInput, expectationKind: "equals" }, expectation: null, pattern: null };
}

async function patternItem(projectId: string, patternId: string | undefined) {
  const { pattern, prepared } = await findTestPattern(projectId, patternId);
  return { item: prepared.item, expectation: prepared.expectation, pattern: { id: pattern.id, name: pattern.name, revisionId: prepared.item.patternRevisionId } };
}
