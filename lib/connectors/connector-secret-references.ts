import type { ConnectorConfig } from "./connector-config.schema";
import { secretReferences } from "./shared/render-template";

/** Names of the secrets a connector configuration requires ({{secret.NAME}} in its headers). */
export function connectorSecretReferences(config: ConnectorConfig): string[] {
  return "headers" in config ? [...new Set(secretReferences(config.headers))] : [];
}
