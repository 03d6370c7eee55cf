import { NotFoundError } from "@/lib/errors/domain-errors";
import type { InferDemoModelRequest } from "./infer-demo-model.schema";
import { DEMO_MODEL_NAME, SENTIMENT_LABELS, findDemoModelVersion, predictSentiment, rankLabels } from "./sentiment-model";

type InferOutput =
  | { name: "label"; shape: [number]; datatype: "BYTES"; data: string[] }
  | { name: "scores"; shape: [number, number]; datatype: "FP32"; data: number[] }
  | { name: "ranked_labels"; shape: [number, number]; datatype: "BYTES"; data: string[] };

export type InferDemoModelResponse = {
  model_name: string;
  model_version: string;
  id?: string;
  parameters: { labels: string[] };
  outputs: InferOutput[];
};

/**
 * Runs one version of the demo sentiment model on a batch of reviews and answers
 * in Open Inference Protocol form: "label" (the top label), "scores" (one row per
 * review, columns in `parameters.labels` order) and "ranked_labels" (labels from
 * most to least likely: the output `in_top_k` expectations judge, as demoOutputFor()).
 */
export function inferDemoModel(name: string, version: string, request: InferDemoModelRequest): InferDemoModelResponse {
  const model = name === DEMO_MODEL_NAME ? findDemoModelVersion(version) : undefined;
  if (!model) throw new NotFoundError(`Model "${name}" version "${version}"`);

  const texts = (request.inputs.find((input) => input.name === "text")?.data ?? []).map(String);
  const predictions = texts.map((text) => predictSentiment(model, text));
  const n = predictions.length;
  const all: InferOutput[] = [
    { name: "label", shape: [n], datatype: "BYTES", data: predictions.map((p) => p.label) },
    {
      name: "scores",
      shape: [n, SENTIMENT_LABELS.length],
      datatype: "FP32",
      data: predictions.flatMap((p) => SENTIMENT_LABELS.map((label) => Number(p.scores[label].toFixed(6)))),
    },
    { name: "ranked_labels", shape: [n, SENTIMENT_LABELS.length], datatype: "BYTES", data: predictions.flatMap(rankLabels) },
  ];
  const requested = request.outputs?.map((output) => output.name);
  return {
    model_name: DEMO_MODEL_NAME,
    model_version: model.version,
    ...(request.id === undefined ? {} : { id: request.id }),
    parameters: { labels: [...SENTIMENT_LABELS] },
    outputs: requested ? all.filter((output) => requested.includes(output.name)) : all,
  };
}
