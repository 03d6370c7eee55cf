import { describe, expect, it } from "vitest";
import type { ConnectorItem } from "../connector";
import { onnxConfigSchema } from "./onnx-config.schema";
import { buildOnnxFeed, encodeOnnxInput, parseOnnxOutputs } from "./onnx-mapping";

const config = (extra: Record<string, unknown> = {}) =>
  onnxConfigSchema.parse({ kind: "onnx", inputName: "features", inputPath: "$.features", labelOutput: "label", probabilitiesOutput: "probabilities", labels: ["a", "b", "c"], ...extra });
const item = (input: unknown): ConnectorItem => ({ patternRevisionId: "r", patternId: "p", inputKind: "json", input, expectationKind: "equals" });

describe("ONNX mapping", () => {
  it("encodes feature vectors into one [n, width] tensor of the configured type", () => {
    expect(encodeOnnxInput(config(), item({ features: [[1, 2], [3, 4]] }))).toEqual({ ok: true, value: [1, 2, 3, 4] });
    expect(encodeOnnxInput(config(), item({ features: ["x"] }))).toEqual({ ok: false, reason: "input at $.features must be a number array" });
    expect(encodeOnnxInput(config(), item({ other: [1] }))).toEqual({ ok: false, reason: "pattern input has nothing at $.features" });
    const feed = buildOnnxFeed(config(), [[1, 2], [3, 4.5]]);
    expect(feed.type).toBe("float32");
    expect(feed.dims).toEqual([2, 2]);
    expect(Array.from(feed.data as Float32Array)).toEqual([1, 2, 3, 4.5]);
    expect(buildOnnxFeed(config({ inputType: "int64" }), [[1, 2]]).data).toEqual(BigInt64Array.from([1n, 2n]));
    expect(() => buildOnnxFeed(config(), [[1], [1, 2]])).toThrow(/different lengths/);
  });

  it("reads labels, and ranked probabilities for in_top_k", () => {
    const outputs = {
      label: { type: "string", dims: [2], data: ["c", "a"] },
      probabilities: { type: "float32", dims: [2, 3], data: [0.1, 0.2, 0.7, 0.5, 0.3, 0.2] },
    };
    expect(parseOnnxOutputs(config(), outputs, [{ expectationKind: "equals" }, { expectationKind: "in_top_k" }])).toEqual({
      items: [
        { ok: true, output: "c" },
        { ok: true, output: [{ label: "a", score: 0.5 }, { label: "b", score: 0.3 }, { label: "c", score: 0.2 }] },
      ],
    });
    expect(parseOnnxOutputs(config({ labelOutput: undefined }), outputs, [{ expectationKind: "equals" }, { expectationKind: "equals" }])).toEqual({
      items: [{ ok: true, output: "c" }, { ok: true, output: "a" }],
    });
  });

  it("passes integer class ids on as they came (the shared output normaliser names them)", () => {
    const outputs = { label: { type: "int64", dims: [2], data: [2, 0] } };
    expect(parseOnnxOutputs(config({ probabilitiesOutput: undefined }), outputs, [{ expectationKind: "equals" }, { expectationKind: "in_top_k" }])).toEqual({
      items: [{ ok: true, output: 2 }, { ok: true, output: [0] }],
    });
  });

  it("explains missing or misshapen outputs", () => {
    expect(parseOnnxOutputs(config(), { probabilities: { type: "float32", dims: [1, 3], data: [1, 0, 0] } }, [{ expectationKind: "equals" }])).toEqual({
      error: "model has no output 'label' (outputs: probabilities)",
    });
    expect(parseOnnxOutputs(config({ labelOutput: undefined }), { probabilities: { type: "float32", dims: [1, 2], data: [1, 0] } }, [{ expectationKind: "equals" }])).toEqual({
      items: [{ ok: false, reason: "output 'probabilities' has 2 columns for 3 labels" }],
    });
  });
});
