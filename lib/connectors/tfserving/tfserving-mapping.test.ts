import { describe, expect, it } from "vitest";
import type { ConnectorItem } from "../connector";
import { tfServingConfigSchema } from "./tfserving-config.schema";
import { buildTfServingRequest, encodeTfServingInstance, parseTfServingResponse, tfServingUrl } from "./tfserving-mapping";

const config = (extra: Record<string, unknown> = {}) => tfServingConfigSchema.parse({ kind: "tfserving", baseUrl: "http://tf:8501", model: "m", ...extra });
const item = (input: unknown): ConnectorItem => ({ patternRevisionId: "r", patternId: "p", inputKind: "json", input, expectationKind: "equals" });

describe("TF Serving mapping", () => {
  it("builds the predict URL", () => {
    expect(tfServingUrl(config())).toBe("http://tf:8501/v1/models/m:predict");
    expect(tfServingUrl(config({ version: "3" }))).toBe("http://tf:8501/v1/models/m/versions/3:predict");
    expect(() => config({ version: "v3" })).toThrow();
  });

  it("sends instances as they are, or wrapped under instanceKey", () => {
    expect(encodeTfServingInstance(config({ inputPath: "$.text" }), item({ text: "hi" }))).toEqual({ ok: true, value: "hi" });
    expect(encodeTfServingInstance(config({ inputPath: "$.text", instanceKey: "review" }), item({ text: "hi" }))).toEqual({ ok: true, value: { review: "hi" } });
    expect(encodeTfServingInstance(config(), item([1, 2]))).toEqual({ ok: true, value: [1, 2] });
    expect(buildTfServingRequest(["a", "b"])).toEqual({ instances: ["a", "b"] });
  });

  it("reads each prediction at outputPath, turning scores into labels", () => {
    const body = { predictions: [{ label: "a", scores: [0.1, 0.9] }, { label: "b", scores: [0.6, 0.4] }] };
    expect(parseTfServingResponse(config({ outputPath: "$.label" }), body, [{ expectationKind: "equals" }, { expectationKind: "equals" }])).toEqual({
      items: [{ ok: true, output: "a" }, { ok: true, output: "b" }],
    });
    expect(parseTfServingResponse(config({ outputPath: "$.scores", labels: ["x", "y"] }), body, [{ expectationKind: "equals" }, { expectationKind: "in_top_k" }])).toEqual({
      items: [{ ok: true, output: "y" }, { ok: true, output: [{ label: "x", score: 0.6 }, { label: "y", score: 0.4 }] }],
    });
  });

  it("explains malformed responses", () => {
    const two = [{ expectationKind: "equals" }, { expectationKind: "equals" }];
    expect(parseTfServingResponse(config(), { error: "x" }, two)).toEqual({ error: "response has no predictions array" });
    expect(parseTfServingResponse(config(), { predictions: [1] }, two)).toEqual({ error: "response has 1 predictions for 2 instances" });
    expect(parseTfServingResponse(config({ outputPath: "$.label" }), { predictions: [{ label: "a" }, {}] }, two)).toEqual({
      items: [{ ok: true, output: "a" }, { ok: false, reason: "prediction has no value at $.label" }],
    });
    expect(parseTfServingResponse(config({ labels: ["x"] }), { predictions: [[0.1, 0.9], [1]] }, two)).toEqual({
      items: [{ ok: false, reason: "prediction has 2 scores for 1 labels" }, { ok: true, output: "x" }],
    });
  });
});
