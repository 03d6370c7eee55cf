import type { ConnectorItem } from "../connector";
import type { MlflowConfig, TfServingConfig } from "../connector-config.schema";
import type { ItemResult, ParsedResponse } from "../shared/item-result";
import { readJsonPath } from "../shared/json-path";
import { isNumberArray, outputFromScores } from "../shared/output-from-scores";
import { selectInputValue } from "../shared/select-input-value";

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

/**
 * One prediction → output: the value at outputPath; with `labels`, a score
 * vector becomes the best label (or ranked labels for in_top_k).
 */
export function outputFromPrediction(
  config: Pick<TfServingConfig | MlflowConfig, "outputPath" | "labels">,
  prediction: unknown,
  expectationKind: string,
): ItemResult {
  const read = readJsonPath(prediction, config.outputPath);
  if (!read.found) return { ok: false, reason: `prediction has no value at ${config.outputPath}` };
  if (config.labels && isNumberArray(read.value)) {
    if (read.value.length !== config.labels.length) return { ok: false, reason: `prediction has ${read.value.length} scores for ${config.labels.length} labels` };
    return { ok: true, output: outputFromScores(read.value, config.labels, expectationKind) };
  }
  return { ok: true, output: read.value };
}

export function parseTfServingResponse(config: TfServingConfig, body: unknown, items: readonly Pick<ConnectorItem, "expectationKind">[]): ParsedResponse {
  const predictions = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as { predictions?: unknown }).predictions : undefined;
  if (!Array.isArray(predictions)) return { error: "response has no predictions array" };
  if (predictions.length !== items.length) return { error: `response has ${predictions.length} predictions for ${items.length} instances` };
  return { items: items.map((item, i) => outputFromPrediction(config, predictions[i], item.expectationKind)) };
}
