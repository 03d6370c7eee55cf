import type { ConnectorItem } from "../connector";
import type { HttpMapping } from "../connector-kind-spec";
import type { ItemResult } from "../shared/item-result";
import { readJsonPath } from "../shared/json-path";
import { renderJsonTemplate, renderTextTemplate } from "../shared/render-template";
import type { ModelRequest } from "../shared/send-model-request";
import type { HttpConfig } from "./http-config.schema";

// Any JSON endpoint: url, headers and body rendered from templates over one
// pattern input; the output is read from the response at outputPath.

/** The request for one item (throws TemplateError for a missing field or secret). */
export function buildHttpRequest(config: HttpConfig, item: Pick<ConnectorItem, "input">, secrets: Record<string, string>): ModelRequest {
  const scope = { input: item.input, secrets };
  const url = renderTextTemplate(config.url, { input: item.input }, encodeURIComponent);
  const headers = Object.fromEntries(Object.entries(config.headers).map(([name, value]) => [name, renderTextTemplate(value, scope)]));
  return { method: config.method, url, headers, body: config.method === "GET" ? undefined : renderJsonTemplate(config.bodyTemplate, { input: item.input }) };
}

export function parseHttpResponse(config: HttpConfig, body: unknown): ItemResult {
  const read = readJsonPath(body, config.outputPath);
  return read.found ? { ok: true, output: read.value } : { ok: false, reason: `response has no value at ${config.outputPath}` };
}

/** Unbatched: one request per pattern. */
export const httpMapping: HttpMapping<HttpConfig> = {
  transport: "http",
  encode: (_config, item) => ({ ok: true, value: item }),
  request: (config, _values, [item], secrets) => buildHttpRequest(config, item!, secrets),
  parse: (config, body) => ({ items: [parseHttpResponse(config, body)] }),
};
