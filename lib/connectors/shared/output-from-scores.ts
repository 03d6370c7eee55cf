import type { ItemResult } from "./item-result";
import { readJsonPath } from "./json-path";

/** A score vector → the output the expectation judges: ranked `{label, score}` for in_top_k, else the best label. */
export function outputFromScores(scores: readonly number[], labels: readonly string[], expectationKind: string): unknown {
  if (scores.length !== labels.length) throw new Error(`${scores.length} scores for ${labels.length} labels`);
  const ranked = labels.map((label, i) => ({ label, score: scores[i]! })).sort((a, b) => b.score - a.score);
  return expectationKind === "in_top_k" ? ranked : ranked[0]?.label;
}

export function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "number");
}

/**
 * One prediction → output: the value at outputPath; with `labels`, a score
 * vector becomes the best label (or ranked labels for in_top_k).
 */
export function outputFromPrediction(
  config: { outputPath: string; labels?: readonly string[] },
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
