import { describe, expect, it } from "vitest";
import type { ConnectorItem } from "../connector";
import { mlflowConfigSchema } from "./mlflow-config.schema";
import { buildMlflowRequest, encodeMlflowRow, mlflowUrl, parseMlflowResponse } from "./mlflow-mapping";

const config = (extra: Record<string, unknown> = {}) => mlflowConfigSchema.parse({ kind: "mlflow", baseUrl: "http://ml:5000/", ...extra });
const item = (input: unknown): ConnectorItem => ({ patternRevisionId: "r", patternId: "p", inputKind: "json", input, expectationKind: "equals" });

describe("MLflow mapping", () => {
  it("posts dataframe_records, wrapping non-object inputs in the column", () => {
    const c = config();
    expect(mlflowUrl(c)).toBe("http://ml:5000/invocations");
    const rows = [encodeMlflowRow(c, item({ text: "a", n: 1 })), encodeMlflowRow(c, item("b"))].map((r) => (r.ok ? r.value : null));
    expect(buildMlflowRequest(c, rows)).toEqual({ dataframe_records: [{ text: "a", n: 1 }, { text: "b" }] });
  });

  it("posts inputs as they are in inputs format", () => {
    const c = config({ format: "inputs", inputPath: "$.x" });
    const rows = [encodeMlflowRow(c, item({ x: [1, 2] }))].map((r) => (r.ok ? r.value : null));
    expect(buildMlflowRequest(c, rows)).toEqual({ inputs: [[1, 2]] });
  });

  it("reads { predictions } and bare arrays", () => {
    const two = [{ expectationKind: "equals" }, { expectationKind: "equals" }];
    expect(parseMlflowResponse(config(), { predictions: ["a", "b"] }, two)).toEqual({ items: [{ ok: true, output: "a" }, { ok: true, output: "b" }] });
    expect(parseMlflowResponse(config({ outputPath: "$.y" }), [{ y: 1 }, { y: 2 }], two)).toEqual({ items: [{ ok: true, output: 1 }, { ok: true, output: 2 }] });
    expect(parseMlflowResponse(config(), { message: "boom" }, two)).toEqual({ error: "response has no predictions array" });
    expect(parseMlflowResponse(config(), { predictions: ["a"] }, two)).toEqual({ error: "response has 1 predictions for 2 rows" });
  });
});
