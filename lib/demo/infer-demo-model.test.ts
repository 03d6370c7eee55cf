import { describe, expect, it } from "vitest";

// The demo model server answers only on demo instances.
process.env.RATCHET_DEMO = "1";
import { DEMO_PROBLEMS } from "./demo-project";
import { demoOutputFor } from "./demo-output-for";
import { getDemoModelMetadata } from "./get-demo-model-metadata";
import { inferDemoModel } from "./infer-demo-model";
import type { InferDemoModelRequest } from "./infer-demo-model.schema";
import { DEMO_MODEL_VERSIONS, predictSentiment } from "./sentiment-model";

const request = (texts: string[]): InferDemoModelRequest => ({
  inputs: [{ name: "text", shape: [texts.length], datatype: "BYTES", data: texts }],
});

describe("inferDemoModel", () => {
  it("answers with labels, a score row per text and ranked labels", () => {
    const response = inferDemoModel("sentiment", "2.1", { ...request(["Excellent, I love it.", "Awful, it broke."]), id: "req-1" });
    expect(response).toMatchObject({ model_name: "sentiment", model_version: "2.1", id: "req-1", parameters: { labels: ["positive", "negative", "neutral"] } });
    const [label, scores, ranked] = response.outputs;
    expect(label).toEqual({ name: "label", shape: [2], datatype: "BYTES", data: ["positive", "negative"] });
    expect(scores?.shape).toEqual([2, 3]);
    expect(scores?.data).toHaveLength(6);
    const firstRow = (scores?.data as number[]).slice(0, 3);
    expect(firstRow.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(ranked).toMatchObject({ shape: [2, 3], data: ["positive", "neutral", "negative", "negative", "neutral", "positive"] });
  });

  it("returns only the requested outputs", () => {
    const response = inferDemoModel("sentiment", "1.0", { ...request(["ok"]), outputs: [{ name: "scores" }] });
    expect(response.outputs.map((o) => o.name)).toEqual(["scores"]);
  });

  it("agrees with the seeded results for every demo pattern and version", () => {
    const patterns = DEMO_PROBLEMS.flatMap((problem) => problem.patterns);
    for (const version of DEMO_MODEL_VERSIONS) {
      const response = inferDemoModel("sentiment", version.version, request(patterns.map((p) => p.text)));
      const labels = response.outputs.find((o) => o.name === "label")!.data as string[];
      const ranked = response.outputs.find((o) => o.name === "ranked_labels")!.data as string[];
      patterns.forEach((pattern, i) => {
        const served = pattern.expectation.kind === "in_top_k" ? ranked.slice(i * 3, i * 3 + 3) : labels[i];
        expect(served).toEqual(demoOutputFor(pattern.expectation, predictSentiment(version, pattern.text)));
      });
    }
  });

  it("throws not-found for an unknown model or version", () => {
    expect(() => inferDemoModel("sentiment", "9.9", request(["x"]))).toThrow(/Model "sentiment" version "9.9" not found/);
    expect(() => inferDemoModel("other", "1.0", request(["x"]))).toThrow(/Model "other" version "1.0" not found/);
  });
});

describe("getDemoModelMetadata", () => {
  it("describes the model's inputs and outputs", () => {
    const metadata = getDemoModelMetadata("sentiment", "2.0");
    expect(metadata).toMatchObject({ name: "sentiment", platform: "ratchet-demo", versions: ["1.0", "1.1", "2.0", "2.1", "3.0"] });
    expect(metadata.inputs).toEqual([{ name: "text", datatype: "BYTES", shape: [-1] }]);
    expect(metadata.outputs.map((o) => o.name)).toEqual(["label", "scores", "ranked_labels"]);
  });

  it("throws not-found for an unknown version", () => {
    expect(() => getDemoModelMetadata("sentiment", "4.0")).toThrow(/Model "sentiment" version "4.0" not found/);
  });
});
