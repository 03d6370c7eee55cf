import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { OutputKind } from "@/lib/db/generated/enums";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import type { Connector } from "./connector";
import { connectorConfigSchema, type ConnectorConfig } from "./connector-config.schema";
import type { ConnectorKindName } from "./connector-kinds";
import { ConnectorSetupError, createConnector } from "./create-connector";
import { readConnectorSecrets } from "./read-connector-secrets";

type Db = Pick<Prisma.TransactionClient, "modelVersion">;

export type LoadedModelConnector = {
  modelVersion: { id: string; projectId: string; connectorKind: ConnectorKindName; concurrency: number; timeoutMs: number; connectorRevision: number };
  project: { outputKind: OutputKind; labels: string[] };
  /** The values to mask wherever an exchange is shown. */
  secretValues: string[];
  /** The stored configuration, when it is still valid. */
  config?: ConnectorConfig;
} & ({ connector: Connector; setupError?: undefined } | { connector?: undefined; setupError: string });

/**
 * THE loader of a model version's connector, for replays and Test connection
 * alike: secrets decrypted, the uploaded file loaded (only when it belongs to
 * the version's project), limits, and the project's output kind and labels.
 * Scoped by project when `projectId` is given. A configuration that cannot
 * make a connector (invalid, no file uploaded yet, secrets sealed under
 * another key) comes back as `setupError`: a final error for every pattern.
 */
export async function loadModelConnector(where: { id: string; projectId?: string }, db: Db = prisma()): Promise<LoadedModelConnector> {
  const model = await db.modelVersion.findFirst({
    where: { id: where.id, ...(where.projectId ? { projectId: where.projectId } : {}) },
    select: {
      id: true,
      projectId: true,
      connectorKind: true,
      connector: true,
      connectorSecrets: true,
      concurrency: true,
      timeoutMs: true,
      connectorRevision: true,
      project: { select: { outputKind: true, labels: true } },
      artifact: { select: { sha256: true, data: true, projectId: true } },
    },
  });
  if (!model) throw new NotFoundError("Model version");
  const artifact = model.artifact && model.artifact.projectId === model.projectId ? { sha256: model.artifact.sha256, data: model.artifact.data } : undefined;
  const base = {
    modelVersion: { id: model.id, projectId: model.projectId, connectorKind: model.connectorKind, concurrency: model.concurrency, timeoutMs: model.timeoutMs, connectorRevision: model.connectorRevision },
    project: model.project,
    config: connectorConfigSchema.safeParse(model.connector).data,
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
