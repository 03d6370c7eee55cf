import type { ConnectorItem } from "../connector";
import type { HttpMapping } from "../connector-kind-spec";
import type { ParsedResponse } from "../shared/item-result";
import { jsonPostRequest } from "../shared/json-post-request";
import { outputFromPrediction } from "../shared/output-from-scores";
import { selectInputValue } from "../shared/select-input-value";
import type { TfServingConfig } from "./tfserving-config.schema";

// TensorFlow Serving REST "row" format, also KServe v1:
// POST /v1/models/{model}[/versions/{v}]:predict  { "instances": [...] } → { "predictions": [...] }
// https://www.tensorflow.org/tfx/serving/api_rest#predict_api

export function tfServingUrl(config: Pick<TfServingConfig, "baseUrl" | "model" | "version">): string {
  const version = config.version ? `/versions/${config.version}` : "";
  return `${config.baseUrl}/v1/models/${encodeURIComponent(config.model)}${version}:predict`;
}

/** One instance: the selected input, wrapped as `{ [instanceKey]: value }` when configured. */
export function encodeTfServingInstance(config: TfServingConfig, item: ConnectorItem): { ok: true; value: unknown } | { ok: false; reason: string } {
  const selected = selectInputValue(item.input, config.inputPath);
  if (!selected.ok) return selected;
  return { ok: true, value: config.instanceKey ? { [config.instanceKey]: selected.output } : selected.output };
}

export function buildTfServingRequest(instances: unknown[]): { instances: unknown[] } {
  return { instances };
}

export function parseTfServingResponse(config: TfServingConfig, body: unknown, items: readonly Pick<ConnectorItem, "expectationKind">[]): ParsedResponse {
  const predictions = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as { predictions?: unknown }).predictions : undefined;
  if (!Array.isArray(predictions)) return { error: "response has no predictions array" };
  if (predictions.length !== items.length) return { error: `response has ${predictions.length} predictions for ${items.length} instances` };
  return { items: items.map((item, i) => outputFromPrediction(config, predictions[i], item.expectationKind)) };
}

export const tfServingMapping: HttpMapping<TfServingConfig> = {
  transport: "http",
  encode: encodeTfServingInstance,
  request: (config, instances, _items, secrets) => jsonPostRequest(tfServingUrl(config), config.headers, secrets, buildTfServingRequest(instances)),
  parse: (config, body, items) => parseTfServingResponse(config, body, items),
};
