import { describe, expect, it } from "vitest";
import type { ConnectorItem } from "../connector";
import { connectorConfigSchema } from "../connector-config.schema";
import { openInferenceConfigSchema } from "./openinference-config.schema";
import { buildOpenInferenceRequest, encodeOpenInferenceInput, openInferenceUrl, parseOpenInferenceResponse } from "./openinference-mapping";

const config = (extra: Record<string, unknown> = {}) =>
  openInferenceConfigSchema.parse({ kind: "openinference", baseUrl: "http://m:8000/", model: "sentiment", outputName: "label", ...extra });
const item = (input: unknown, expectationKind = "equals"): ConnectorItem => ({ patternRevisionId: "r", patternId: "p", inputKind: "json", input, expectationKind });
const encoded = (c: ReturnType<typeof config>, input: unknown) => {
  const result = encodeOpenInferenceInput(c, item(input));
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe("Open Inference request", () => {
  it("builds the v2 infer URL with and without a version", () => {
    expect(openInferenceUrl(config())).toBe("http://m:8000/v2/models/sentiment/infer");
    expect(openInferenceUrl(config({ version: "2.1" }))).toBe("http://m:8000/v2/models/sentiment/versions/2.1/infer");
  });

  it("sends a batch of texts as one BYTES tensor, taking the field named like the input", () => {
    const c = config({ scoresName: "scores" });
    const body = buildOpenInferenceRequest(c, [encoded(c, { text: "good" }), encoded(c, "plain text"), encoded(c, { other: 1 })]);
    expect(body).toEqual({
      inputs: [{ name: "text", shape: [3], datatype: "BYTES", data: ["good", "plain text", '{"other":1}'] }],
      outputs: [{ name: "label" }, { name: "scores" }],
    });
  });

  it("sends numeric feature vectors with the batch as first dimension", () => {
    const c = config({ inputName: "x", inputDatatype: "FP32", inputPath: "$.features" });
    const body = buildOpenInferenceRequest(c, [encoded(c, { features: [1, 2] }), encoded(c, { features: [3, 4] })]);
    expect(body.inputs[0]).toEqual({ name: "x", shape: [2, 2], datatype: "FP32", data: [1, 2, 3, 4] });
  });

  it("refuses inputs that cannot be a numeric tensor, and batches of mixed shapes", () => {
    const c = config({ inputDatatype: "FP32", inputPath: "$.f" });
    expect(encodeOpenInferenceInput(c, item({ f: ["a"] }))).toMatchObject({ ok: false });
    expect(encodeOpenInferenceInput(c, item({ f: [[1, 2], [3]] }))).toMatchObject({ ok: false });
    expect(encodeOpenInferenceInput(c, item({ g: 1 }))).toEqual({ ok: false, reason: "pattern input has nothing at $.f" });
    expect(() => buildOpenInferenceRequest(c, [encoded(c, { f: [1] }), encoded(c, { f: [1, 2] })])).toThrow(/different shapes/);
  });
});

describe("Open Inference response", () => {
  const response = {
    model_name: "sentiment",
    parameters: { labels: ["positive", "negative", "neutral"] },
    outputs: [
      { name: "label", shape: [2], datatype: "BYTES", data: ["positive", "neutral"] },
      { name: "scores", shape: [2, 3], datatype: "FP32", data: [0.7, 0.1, 0.2, 0.2, 0.3, 0.5] },
      { name: "ranked_labels", shape: [2, 3], datatype: "BYTES", data: ["positive", "neutral", "negative", "neutral", "negative", "positive"] },
    ],
  };
  const items = [{ expectationKind: "equals" }, { expectationKind: "in_top_k" }];

  it("reads the label tensor row by row, ranked labels for in_top_k", () => {
    expect(parseOpenInferenceResponse(config({ rankedLabelsName: "ranked_labels" }), response, items)).toEqual({
      items: [
        { ok: true, output: "positive" },
        { ok: true, output: ["neutral", "negative", "positive"] },
      ],
    });
  });

  it("ranks scores with the response's labels, argmax without an outputName", () => {
    const c = config({ outputName: undefined, scoresName: "scores" });
    expect(parseOpenInferenceResponse(c, response, items)).toEqual({
      items: [
        { ok: true, output: "positive" },
        { ok: true, output: [{ label: "neutral", score: 0.5 }, { label: "negative", score: 0.3 }, { label: "positive", score: 0.2 }] },
      ],
    });
  });

  it("treats a lone top label as a ranking of one for in_top_k", () => {
    expect(parseOpenInferenceResponse(config(), response, items)).toEqual({ items: [{ ok: true, output: "positive" }, { ok: true, output: ["neutral"] }] });
  });

  it("reads [n, 1] numeric outputs as numbers", () => {
    const body = { outputs: [{ name: "y", shape: [2, 1], datatype: "FP32", data: [[0.5], [1.5]] }] };
    expect(parseOpenInferenceResponse(config({ outputName: "y" }), body, items.map(() => ({ expectationKind: "within" })))).toEqual({
      items: [{ ok: true, output: 0.5 }, { ok: true, output: 1.5 }],
    });
  });

  it("explains malformed responses", () => {
    expect(parseOpenInferenceResponse(config(), { nope: 1 }, items)).toEqual({ error: "response has no outputs" });
    expect(parseOpenInferenceResponse(config(), "text", items)).toEqual({ error: "response has no outputs" });
    expect(parseOpenInferenceResponse(config({ outputName: "lbl" }), response, items)).toEqual({ error: "response has no output tensor 'lbl'" });
    expect(parseOpenInferenceResponse(config(), { outputs: [{ name: "label", shape: [3], data: ["a", "b", "c"] }] }, items)).toEqual({
      error: "output tensor 'label' has 3 elements for 2 inputs",
    });
    expect(parseOpenInferenceResponse(config(), { outputs: [{ name: "label", shape: [2] }] }, items)).toEqual({ error: "output tensor 'label' has no data" });
    const noLabels = { outputs: [{ name: "scores", shape: [2, 3], data: [1, 2, 3, 4, 5, 6] }] };
    expect(parseOpenInferenceResponse(config({ outputName: undefined, scoresName: "scores" }), noLabels, items)).toMatchObject({
      items: [{ ok: false, reason: expect.stringMatching(/needs labels/) }, { ok: false }],
    });
  });

  it("requires some output in the config", () => {
    const parsed = connectorConfigSchema.safeParse({ kind: "openinference", baseUrl: "http://m", model: "m" });
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ["outputName"], message: "set outputName, scoresName or rankedLabelsName" })]);
  });
});
