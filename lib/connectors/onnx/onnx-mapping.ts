import type { ConnectorItem } from "../connector";
import type { ItemResult, ParsedResponse } from "../shared/item-result";
import type { OnnxFeed, OnnxOutput } from "./onnx-worker-pool";
import { outputFromScores } from "../shared/output-from-scores";
import { selectInputValue } from "../shared/select-input-value";
import type { OnnxConfig } from "./onnx-config.schema";

// ONNX: items become one [n, features] input tensor; outputs are read per row.

/** One item's feature vector (a number, or a flat or nested number array, flattened). */
export function encodeOnnxInput(config: OnnxConfig, item: ConnectorItem): { ok: true; value: number[] } | { ok: false; reason: string } {
  const selected = selectInputValue(item.input, config.inputPath);
  if (!selected.ok) return selected;
  const flat = Array.isArray(selected.output) ? (selected.output as unknown[]).flat(Infinity) : [selected.output];
  if (flat.length === 0 || !flat.every((v) => typeof v === "number" && Number.isFinite(v))) {
    return { ok: false, reason: `input at ${config.inputPath} must be a number array` };
  }
  return { ok: true, value: flat as number[] };
}

/** The input tensor of a batch; every row must have the same length. */
export function buildOnnxFeed(config: OnnxConfig, rows: number[][]): OnnxFeed {
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width)) throw new Error("inputs of one batch have different lengths; set maxBatchSize to 1 for inputs of varying length");
  const flat = rows.flat();
  const dims = [rows.length, width];
  switch (config.inputType) {
    case "float32":
      return { type: "float32", data: Float32Array.from(flat), dims };
    case "float64":
      return { type: "float64", data: Float64Array.from(flat), dims };
    case "int32":
      return { type: "int32", data: Int32Array.from(flat, Math.trunc), dims };
    case "int64":
      return { type: "int64", data: BigInt64Array.from(flat, (v) => BigInt(Math.trunc(v))), dims };
  }
}

function rowsOf(outputs: Record<string, OnnxOutput>, name: string, n: number): unknown[] | string {
  const tensor = outputs[name];
  if (!tensor) return `model has no output '${name}' (outputs: ${Object.keys(outputs).join(", ") || "none"})`;
  if (n === 0) return [];
  if (tensor.data.length % n !== 0) return `output '${name}' has ${tensor.data.length} elements for ${n} inputs`;
  const width = tensor.data.length / n;
  return Array.from({ length: n }, (_, i) => (width === 1 && tensor.dims.length <= 1 ? tensor.data[i] : tensor.data.slice(i * width, (i + 1) * width)));
}

/** Outputs per item: the label output (class ids are named by the shared output normaliser), best or ranked probabilities. */
export function parseOnnxOutputs(config: OnnxConfig, outputs: Record<string, OnnxOutput>, items: readonly Pick<ConnectorItem, "expectationKind">[]): ParsedResponse {
  const n = items.length;
  const labelRows = config.labelOutput ? rowsOf(outputs, config.labelOutput, n) : undefined;
  const probabilityRows = config.probabilitiesOutput ? rowsOf(outputs, config.probabilitiesOutput, n) : undefined;
  if (typeof labelRows === "string") return { error: labelRows };
  if (typeof probabilityRows === "string") return { error: probabilityRows };
  const { labels } = config;
  return {
    items: items.map((item, i): ItemResult => {
      const probabilities = probabilityRows?.[i];
      if (probabilities !== undefined && (item.expectationKind === "in_top_k" || labelRows === undefined)) {
        const row = Array.isArray(probabilities) ? (probabilities as number[]) : [probabilities as number];
        if (!labels) return { ok: false, reason: `probabilities output '${config.probabilitiesOutput}' needs labels` };
        if (row.length !== labels.length) return { ok: false, reason: `output '${config.probabilitiesOutput}' has ${row.length} columns for ${labels.length} labels` };
        return { ok: true, output: outputFromScores(row, labels, item.expectationKind) };
      }
      const label = labelRows?.[i];
      return { ok: true, output: item.expectationKind === "in_top_k" ? [label] : label };
    }),
  };
}
