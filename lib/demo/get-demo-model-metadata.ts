import { NotFoundError } from "@/lib/errors/domain-errors";
import { DEMO_MODEL_NAME, DEMO_MODEL_VERSIONS, SENTIMENT_LABELS, findDemoModelVersion } from "./sentiment-model";

export type DemoModelMetadata = {
  name: string;
  versions: string[];
  platform: string;
  inputs: { name: string; datatype: string; shape: number[] }[];
  outputs: { name: string; datatype: string; shape: number[] }[];
  parameters: { labels: string[]; status: string; trained_at: string };
};

/** Open Inference Protocol model metadata for one version of the demo model. */
export function getDemoModelMetadata(name: string, version: string): DemoModelMetadata {
  const model = name === DEMO_MODEL_NAME ? findDemoModelVersion(version) : undefined;
  if (!model) throw new NotFoundError(`Model "${name}" version "${version}"`);
  return {
    name: DEMO_MODEL_NAME,
    versions: DEMO_MODEL_VERSIONS.map((v) => v.version),
    platform: "ratchet-demo",
    inputs: [{ name: "text", datatype: "BYTES", shape: [-1] }],
    outputs: [
      { name: "label", datatype: "BYTES", shape: [-1] },
      { name: "scores", datatype: "FP32", shape: [-1, SENTIMENT_LABELS.length] },
      { name: "ranked_labels", datatype: "BYTES", shape: [-1, SENTIMENT_LABELS.length] },
    ],
    parameters: { labels: [...SENTIMENT_LABELS], status: model.status, trained_at: model.trainedAt },
  };
}
