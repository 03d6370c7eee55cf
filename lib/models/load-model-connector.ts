import "server-only";
import type { Connector } from "@/lib/connectors/connector";
import { ConnectorSetupError, createConnector } from "@/lib/connectors/create-connector";
import type { ConnectorKindName } from "@/lib/connectors/connector-config.schema";
import type { Prisma } from "@/lib/db/generated/client";
import type { OutputKind } from "@/lib/db/generated/enums";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { readConnectorSecrets } from "./read-connector-secrets";

type Db = Pick<Prisma.TransactionClient, "modelVersion">;

export type LoadedModelConnector = {
  modelVersion: { id: string; projectId: string; connectorKind: ConnectorKindName; concurrency: number; timeoutMs: number };
  project: { outputKind: OutputKind; labels: string[] };
  /** The values to mask wherever an exchange is shown. */
  secretValues: string[];
} & ({ connector: Connector; setupError?: undefined } | { connector?: undefined; setupError: string });

/**
 * Everything needed to call a model version: its connector (secrets decrypted,
 * artifact loaded), limits and the project's output kind and labels. A stored
 * configuration that cannot make a connector (e.g. no artifact uploaded yet)
 * comes back as `setupError`, a final error for every pattern.
 */
export async function loadModelConnector(modelVersionId: string, db: Db = prisma()): Promise<LoadedModelConnector> {
  const model = await db.modelVersion.findUnique({
    where: { id: modelVersionId },
    select: {
      id: true,
      projectId: true,
      connectorKind: true,
      connector: true,
      connectorSecrets: true,
      concurrency: true,
      timeoutMs: true,
      project: { select: { outputKind: true, labels: true } },
      artifact: { select: { sha256: true, data: true, projectId: true } },
    },
  });
  if (!model) throw new NotFoundError("Model version");
  const artifact = model.artifact && model.artifact.projectId === model.projectId ? { sha256: model.artifact.sha256, data: model.artifact.data } : undefined;
  const base = {
    modelVersion: { id: model.id, projectId: model.projectId, connectorKind: model.connectorKind, concurrency: model.concurrency, timeoutMs: model.timeoutMs },
    project: model.project,
  };
  let secrets: Record<string, string>;
  try {
    secrets = readConnectorSecrets(model.connectorSecrets);
  } catch (error) {
    return { ...base, secretValues: [], setupError: (error as Error).message };
  }
  try {
    return { ...base, secretValues: Object.values(secrets), connector: createConnector(model.connector, { secrets, artifact }) };
  } catch (error) {
    if (error instanceof ConnectorSetupError) return { ...base, secretValues: Object.values(secrets), setupError: error.message };
    throw error;
  }
}
