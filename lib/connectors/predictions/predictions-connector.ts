import type { Connector } from "../connector";
import type { PredictionsConfig } from "./predictions-config.schema";
import { normalisePrediction } from "./normalise-prediction";
import { parsePredictionsFile } from "./parse-predictions-file";

export const NO_PREDICTION_REASON = "no prediction for this pattern";

/**
 * Looks outputs up in an uploaded predictions file: by pattern revision id, then
 * by pattern id. A pattern without a prediction is a final error, never a guess.
 * Label text is matched onto the project's labels (normalisePrediction).
 */
export function createPredictionsConnector(config: PredictionsConfig, artifact: { sha256: string; data: Uint8Array }, maxBatchSize: number): Connector {
  const index = parsePredictionsFile(new TextDecoder().decode(artifact.data), config.format);
  return {
    maxBatchSize,
    async invoke(items, context) {
      const outcomes = items.map((item) => {
        if (index.byRevision.has(item.patternRevisionId)) return { ok: true as const, output: normalisePrediction(index.byRevision.get(item.patternRevisionId), context.project), latencyMs: 0 };
        if (index.byPattern.has(item.patternId)) return { ok: true as const, output: normalisePrediction(index.byPattern.get(item.patternId), context.project), latencyMs: 0 };
        return { ok: false as const, reason: NO_PREDICTION_REASON, transient: false, latencyMs: 0 };
      });
      const exchanges = [
        {
          request: { method: "LOOKUP", url: `predictions:sha256:${artifact.sha256}`, headers: {}, body: items.map((i) => ({ patternRevisionId: i.patternRevisionId, patternId: i.patternId })) },
          response: { status: null, body: outcomes.map((o) => (o.ok ? o.output : null)) },
        },
      ];
      return { outcomes, exchanges };
    },
  };
}
