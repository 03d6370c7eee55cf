import type { ConnectorKindName } from "@/lib/connectors/connector-config.schema";
import type { ModelVersionResource } from "@/lib/models/model-version-resource";
import type { EditableModelVersion } from "./model-version-form";

/** What the model version form starts from: the API representation with dates as text (it crosses to the browser). */
export function toEditableModelVersion(v: ModelVersionResource): EditableModelVersion {
  return {
    id: v.id,
    name: v.name,
    version: v.version,
    status: v.status,
    connector: { ...(v.connector as Record<string, unknown>), kind: v.connectorKind as ConnectorKindName },
    secretKeys: v.secretKeys,
    trainedAt: v.trainedAt?.toISOString() ?? null,
    metrics: v.metrics,
    sourceUrl: v.sourceUrl,
    concurrency: v.concurrency,
    timeoutMs: v.timeoutMs,
    lockVersion: v.lockVersion,
  };
}
