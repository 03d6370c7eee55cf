/** A score vector → the output the expectation judges: ranked `{label, score}` for in_top_k, else the best label. */
export function outputFromScores(scores: readonly number[], labels: readonly string[], expectationKind: string): unknown {
  if (scores.length !== labels.length) throw new Error(`${scores.length} scores for ${labels.length} labels`);
  const ranked = labels.map((label, i) => ({ label, score: scores[i]! })).sort((a, b) => b.score - a.score);
  return expectationKind === "in_top_k" ? ranked : ranked[0]?.label;
}

export function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "number");
}
