import { describe, expect, it } from "vitest";

// The demo model server answers only on demo instances.
process.env.RATCHET_DEMO = "1";
import { DEMO_PROBLEMS } from "./demo-project";
import { demoOutputFor } from "./demo-output-for";
import { getDemoModelMetadata } from "./get-demo-model-metadata";
import { inferDemoModel } from "./infer-demo-model";
import { inferDemoModelRequestSchema, type InferDemoModelRequest } from "./infer-demo-model.schema";
import { POST as inferRoute } from "@/app/api/demo/models/v2/models/[name]/versions/[version]/infer/route";
import { DEMO_MODEL_VERSIONS, predictSentiment } from "./sentiment-model";

const request = (texts: string[]): InferDemoModelRequest => ({
  inputs: [{ name: "text", shape: [texts.length], datatype: "BYTES", data: texts }],
});

/** What the infer route does, on a Request. */
function callInferRoute(name: string, version: string, body: string) {
  const httpRequest = new Request("http://test/infer", { method: "POST", body, headers: { "content-type": "application/json" } });
  return inferRoute(httpRequest, { params: Promise.resolve({ name, version }) });
}

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

describe("the infer route's request handling", () => {
  it("answers 200 with the inference", async () => {
    const response = await callInferRoute("sentiment", "3.0", JSON.stringify(request(["Not great."])));
    expect(response.status).toBe(200);
    expect((await response.json()).model_version).toBe("3.0");
  });

  it("answers 404 for an unknown version", async () => {
    const response = await callInferRoute("sentiment", "0.1", JSON.stringify(request(["x"])));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: 'Model "sentiment" version "0.1" not found.' } });
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await callInferRoute("sentiment", "1.0", "{nope");
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
  });

  it.each([
    ["no inputs", { inputs: [] }, "inputs"],
    ["no text input", { inputs: [{ name: "review", shape: [1], datatype: "BYTES", data: ["x"] }] }, "inputs"],
    ["wrong datatype", { inputs: [{ name: "text", shape: [1], datatype: "FP32", data: ["x"] }] }, "inputs.0.datatype"],
    ["shape mismatch", { inputs: [{ name: "text", shape: [2], datatype: "BYTES", data: ["x"] }] }, "inputs.0.shape"],
    ["non-string element", { inputs: [{ name: "text", shape: [2], datatype: "BYTES", data: ["x", 3] }] }, "inputs.0.data.1"],
    ["unknown output", { ...request(["x"]), outputs: [{ name: "logits" }] }, "outputs.0.name"],
  ])("answers 422 with field errors for %s", async (_name, body, path) => {
    const response = await callInferRoute("sentiment", "1.0", JSON.stringify(body));
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("validation_failed");
    expect(error.fields.map((f: { path: string }) => f.path)).toContain(`body.${path}`);
  });

  it("accepts a [n, 1] shape", async () => {
    const body = { inputs: [{ name: "text", shape: [2, 1], datatype: "BYTES", data: ["good", "bad"] }] };
    expect((await callInferRoute("sentiment", "1.0", JSON.stringify(body))).status).toBe(200);
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
