import type { ConnectorItem } from "../connector";
import type { HttpMapping } from "../connector-kind-spec";
import { jsonPostRequest } from "../shared/json-post-request";
import type { OpenInferenceConfig } from "./openinference-config.schema";
import type { ItemResult, ParsedResponse } from "../shared/item-result";
import { outputFromScores } from "../shared/output-from-scores";
import { selectInputValue } from "../shared/select-input-value";

// Open Inference Protocol v2 (KServe v2): one input tensor whose first dimension
// is the batch; outputs are flat row-major `data` with a `shape`.
// https://kserve.github.io/website/latest/modelserving/data_plane/v2_protocol/

export type OpenInferenceTensor = { name: string; shape: number[]; datatype: string; data: unknown[] };

export type OpenInferenceRequestBody = {
  inputs: OpenInferenceTensor[];
  outputs?: { name: string }[];
};

export function openInferenceUrl(config: Pick<OpenInferenceConfig, "baseUrl" | "model" | "version">): string {
  const model = encodeURIComponent(config.model);
  const version = config.version ? `/versions/${encodeURIComponent(config.version)}` : "";
  return `${config.baseUrl}/v2/models/${model}${version}/infer`;
}

type Encoded = { value: unknown; dims: number[] };

function dimsOf(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return [];
  if (value.length === 0) return undefined;
  const inner = dimsOf(value[0]);
  if (!inner) return undefined;
  for (const element of value) {
    const d = dimsOf(element);
    if (!d || d.join() !== inner.join()) return undefined;
  }
  return [value.length, ...inner];
}

/** One item's value in tensor form: a string for BYTES, a number (array) for numeric types, with its dimensions. */
export function encodeOpenInferenceInput(config: OpenInferenceConfig, item: ConnectorItem): { ok: true; value: Encoded } | { ok: false; reason: string } {
  const selected = selectInputValue(item.input, config.inputPath, config.inputName);
  if (!selected.ok) return selected;
  const value = selected.output;
  if (config.inputDatatype === "BYTES") {
    return { ok: true, value: { value: typeof value === "string" ? value : JSON.stringify(value), dims: [] } };
  }
  const dims = dimsOf(value);
  const leaves = Array.isArray(value) ? value.flat(Infinity) : [value];
  const wanted = config.inputDatatype === "BOOL" ? "boolean" : "number";
  if (!dims || leaves.some((leaf) => typeof leaf !== wanted)) {
    return { ok: false, reason: `input for ${config.inputDatatype} tensor "${config.inputName}" must be a ${wanted} or a rectangular array of them` };
  }
  return { ok: true, value: { value, dims } };
}

/** The inference request for a batch of encoded items (all items must share their dimensions). */
export function buildOpenInferenceRequest(config: OpenInferenceConfig, values: Encoded[]): OpenInferenceRequestBody {
  const dims = values[0]?.dims ?? [];
  if (values.some((v) => v.dims.join() !== dims.join())) {
    throw new Error(`inputs of one batch have different shapes; set maxBatchSize to 1 for inputs of varying shape`);
  }
  const data = values.flatMap((v) => (Array.isArray(v.value) ? (v.value as unknown[]).flat(Infinity) : [v.value]));
  const outputs = [config.outputName, config.scoresName, config.rankedLabelsName].filter((n): n is string => Boolean(n));
  return {
    inputs: [{ name: config.inputName, shape: [values.length, ...dims], datatype: config.inputDatatype, data }],
    outputs: [...new Set(outputs)].map((name) => ({ name })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Rows of a named output tensor, one per item: scalars when each row holds one element. */
function tensorRows(outputs: unknown[], name: string, n: number): unknown[] | string {
  const tensor = outputs.find((o) => isRecord(o) && o.name === name);
  if (!isRecord(tensor)) return `response has no output tensor '${name}'`;
  if (!Array.isArray(tensor.data)) return `output tensor '${name}' has no data`;
  const data = (tensor.data as unknown[]).flat(Infinity);
  if (n === 0) return [];
  if (data.length % n !== 0) return `output tensor '${name}' has ${data.length} elements for ${n} inputs`;
  const rowSize = data.length / n;
  const shape = Array.isArray(tensor.shape) ? tensor.shape : undefined;
  if (shape && typeof shape[0] === "number" && shape[0] !== n) return `output tensor '${name}' has ${String(shape[0])} rows for ${n} inputs`;
  const rows: unknown[] = [];
  for (let i = 0; i < n; i++) rows.push(rowSize === 1 ? data[i] : data.slice(i * rowSize, (i + 1) * rowSize));
  return rows;
}

/** The output of each item from an inference response (see the README for the mapping). */
export function parseOpenInferenceResponse(config: OpenInferenceConfig, body: unknown, items: readonly Pick<ConnectorItem, "expectationKind">[]): ParsedResponse {
  if (!isRecord(body) || !Array.isArray(body.outputs)) return { error: "response has no outputs" };
  const n = items.length;
  const read = (name: string | undefined) => (name ? tensorRows(body.outputs as unknown[], name, n) : undefined);
  const answer = read(config.outputName);
  const scores = read(config.scoresName);
  const ranked = read(config.rankedLabelsName);
  for (const rows of [answer, scores, ranked]) if (typeof rows === "string") return { error: rows };
  const parameters = isRecord(body.parameters) ? body.parameters : {};
  const responseLabels = Array.isArray(parameters.labels) && parameters.labels.every((l) => typeof l === "string") ? (parameters.labels as string[]) : undefined;
  const labels = config.labels ?? responseLabels;

  return {
    items: items.map((item, i): ItemResult => {
      const scoreRow = Array.isArray(scores) ? scores[i] : undefined;
      const fromScores = (kind: string): ItemResult => {
        const row = Array.isArray(scoreRow) ? scoreRow : [scoreRow];
        if (!labels) return { ok: false, reason: `scores tensor '${config.scoresName}' needs labels (config labels or response parameters.labels)` };
        if (!row.every((s) => typeof s === "number")) return { ok: false, reason: `scores tensor '${config.scoresName}' is not numeric` };
        if (row.length !== labels.length) return { ok: false, reason: `scores tensor '${config.scoresName}' has ${row.length} columns for ${labels.length} labels` };
        return { ok: true, output: outputFromScores(row as number[], labels, kind) };
      };
      if (item.expectationKind === "in_top_k") {
        if (Array.isArray(ranked)) return { ok: true, output: Array.isArray(ranked[i]) ? ranked[i] : [ranked[i]] };
        if (Array.isArray(scores)) return fromScores("in_top_k");
        // Only a top answer: it is a ranking of length one.
        if (Array.isArray(answer)) return { ok: true, output: Array.isArray(answer[i]) ? answer[i] : [answer[i]] };
      }
      if (Array.isArray(answer)) return { ok: true, output: answer[i] };
      if (Array.isArray(scores)) return fromScores("argmax");
      if (Array.isArray(ranked)) return { ok: true, output: Array.isArray(ranked[i]) ? (ranked[i] as unknown[])[0] : ranked[i] };
      return { ok: false, reason: "no output tensor configured" };
    }),
  };
}

export const openInferenceMapping: HttpMapping<OpenInferenceConfig> = {
  transport: "http",
  encode: encodeOpenInferenceInput,
  request: (config, values, _items, secrets) => jsonPostRequest(openInferenceUrl(config), config.headers, secrets, buildOpenInferenceRequest(config, values as Encoded[])),
  parse: (config, body, items) => parseOpenInferenceResponse(config, body, items),
};
