import type { ConnectorKindName } from "./connector-config.schema";

/** Whether a model version of this connector kind can be called for new or edited patterns (back-fill). */
export function isCallable(kind: ConnectorKindName): boolean {
  return kind !== "predictions";
}
