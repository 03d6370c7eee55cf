import "server-only";
import type { Connector } from "@/lib/connectors/connector";
import { createConnector } from "@/lib/connectors/create-connector";
import { openSecrets } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/prisma";

export type LoadConnector = (modelVersion: { id: string; projectId: string }) => Promise<Connector>;

/** The connector of a model version, with its secrets decrypted and its artifact (onnx, predictions) loaded. */
export const loadReplayConnector: LoadConnector = async ({ id, projectId }) => {
  const modelVersion = await prisma().modelVersion.findFirstOrThrow({
    where: { id, projectId },
    select: { connector: true, connectorSecrets: true, artifact: { select: { data: true, sha256: true } } },
  });
  const secrets = modelVersion.connectorSecrets ? openSecrets(modelVersion.connectorSecrets) : {};
  return createConnector(modelVersion.connector, { secrets, artifact: modelVersion.artifact ?? undefined });
};
