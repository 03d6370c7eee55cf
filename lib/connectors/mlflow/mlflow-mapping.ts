import type { ConnectorItem } from "../connector";
import type { HttpMapping } from "../connector-kind-spec";
import { jsonPostRequest } from "../shared/json-post-request";
import type { ParsedResponse } from "../shared/item-result";
import { selectInputValue } from "../shared/select-input-value";
import { outputFromPrediction } from "../shared/output-from-scores";
import type { MlflowConfig } from "./mlflow-config.schema";

// MLflow scoring server: POST /invocations with `dataframe_records` (one record per
// row) or `inputs` (tensor input); answers `{ "predictions": [...] }` (MLflow ≥ 2)
// or a bare array (MLflow 1). https://mlflow.org/docs/latest/deployment/deploy-model-locally

export function mlflowUrl(config: Pick<MlflowConfig, "baseUrl">): string {
  return `${config.baseUrl}/invocations`;
}

/** One row: the selected input; in dataframe_records format a non-object becomes `{ [column]: value }`. */
export function encodeMlflowRow(config: MlflowConfig, item: ConnectorItem): { ok: true; value: unknown } | { ok: false; reason: string } {
  const selected = selectInputValue(item.input, config.inputPath);
  if (!selected.ok) return selected;
  const value = selected.output;
  if (config.format === "dataframe_records" && (value === null || typeof value !== "object" || Array.isArray(value))) {
    return { ok: true, value: { [config.column]: value } };
  }
  return { ok: true, value };
}

export function buildMlflowRequest(config: MlflowConfig, rows: unknown[]): Record<string, unknown[]> {
  return config.format === "dataframe_records" ? { dataframe_records: rows } : { inputs: rows };
}

export function parseMlflowResponse(config: MlflowConfig, body: unknown, items: readonly Pick<ConnectorItem, "expectationKind">[]): ParsedResponse {
  const predictions = Array.isArray(body)
    ? body
    : body !== null && typeof body === "object"
      ? (body as { predictions?: unknown }).predictions
      : undefined;
  if (!Array.isArray(predictions)) return { error: "response has no predictions array" };
  if (predictions.length !== items.length) return { error: `response has ${predictions.length} predictions for ${items.length} rows` };
  return { items: items.map((item, i) => outputFromPrediction(config, predictions[i], item.expectationKind)) };
}

export const mlflowMapping: HttpMapping<MlflowConfig> = {
  transport: "http",
  encode: encodeMlflowRow,
  request: (config, rows, _items, secrets) => jsonPostRequest(mlflowUrl(config), config.headers, secrets, buildMlflowRequest(config, rows)),
  parse: (config, body, items) => parseMlflowResponse(config, body, items),
};
