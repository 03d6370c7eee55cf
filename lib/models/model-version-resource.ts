import { connectorKind, type ConnectorKindName } from "@/lib/connectors/connector-kinds";
import type { Prisma } from "@/lib/db/generated/client";
import { readConnectorSecrets } from "@/lib/connectors/read-connector-secrets";

/** What a model version query selects to build its API representation. */
export const modelVersionResourceSelect = {
  id: true,
  projectId: true,
  name: true,
  version: true,
  status: true,
  connectorKind: true,
  connector: true,
  connectorSecrets: true,
  artifactChecksum: true,
  trainedAt: true,
  metrics: true,
  sourceUrl: true,
  concurrency: true,
  timeoutMs: true,
  connectorRevision: true,
  lockVersion: true,
  createdAt: true,
  updatedAt: true,
  artifact: { select: { id: true, kind: true, filename: true, byteSize: true, sha256: true, createdAt: true } },
} as const satisfies Prisma.ModelVersionSelect;

export type ModelVersionRow = Prisma.ModelVersionGetPayload<{ select: typeof modelVersionResourceSelect }>;

/** The API shape of a model version: secrets reduced to their names, never their values. */
export function toModelVersionResource(record: ModelVersionRow) {
  const { connectorSecrets, ...rest } = record;
  let secretKeys: string[] | null;
  try {
    secretKeys = Object.keys(readConnectorSecrets(connectorSecrets)).sort();
  } catch {
    // Sealed under another RATCHET_SECRET: the names are unknown too.
    secretKeys = null;
  }
  return { ...rest, secretKeys, callable: connectorKind(record.connectorKind as ConnectorKindName).callable };
}

export type ModelVersionResource = ReturnType<typeof toModelVersionResource>;
