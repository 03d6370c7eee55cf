import type { ConnectorConfig } from "./connector-config.schema";

/** The URL a connector configuration calls (its field name and value); null for kinds that call nothing (onnx, predictions). */
export function connectorUrl(config: ConnectorConfig): { field: "baseUrl" | "url"; url: string } | null {
  if ("baseUrl" in config) return { field: "baseUrl", url: config.baseUrl };
  if ("url" in config) return { field: "url", url: config.url };
  return null;
}

/** The URL's origin (scheme, host, port), or the text itself when it does not parse (a template). */
export function connectorOrigin(config: ConnectorConfig | undefined): string | null {
  const target = config ? connectorUrl(config) : null;
  if (!target) return null;
  try {
    return new URL(target.url).origin;
  } catch {
    return target.url;
  }
}
