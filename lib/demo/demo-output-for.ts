import type { Expectation } from "@/lib/scoring/expectation.schema";
import { rankLabels, type SentimentLabel, type SentimentPrediction } from "./sentiment-model";

/**
 * The output the demo connector mapping produces from one prediction: the ranked
 * labels for `in_top_k` expectations, the top label otherwise. Shared by the seed
 * and the inference route so stored results and live replays agree.
 */
export function demoOutputFor(expectation: Expectation, prediction: SentimentPrediction): SentimentLabel | SentimentLabel[] {
  return expectation.kind === "in_top_k" ? rankLabels(prediction) : prediction.label;
}
