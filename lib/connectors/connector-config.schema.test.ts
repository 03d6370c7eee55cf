import { describe, expect, it } from "vitest";
import { connectorConfigSchema } from "./connector-config.schema";
import { connectorSecretReferences } from "./connector-secret-references";
import { connectorKind } from "./connector-kinds";

describe("connector configuration", () => {
  it("accepts the demo seed's openinference config and fills defaults", () => {
    const parsed = connectorConfigSchema.parse({
      kind: "openinference",
      baseUrl: "http://demo.test/api/demo/models/",
      model: "sentiment",
      version: "1.0",
      inputName: "text",
      outputName: "label",
    });
    expect(parsed).toEqual({
      kind: "openinference",
      baseUrl: "http://demo.test/api/demo/models",
      model: "sentiment",
      version: "1.0",
      inputName: "text",
      inputDatatype: "BYTES",
      outputName: "label",
      maxBatchSize: 32,
      headers: {},
    });
  });

  it("fills every kind's defaults", () => {
    expect(connectorConfigSchema.parse({ kind: "openai", baseUrl: "https://api.openai.com/v1", model: "gpt" })).toMatchObject({
      promptTemplate: "{{input}}",
      maxTokens: 256,
      apiKeySecret: "apiKey",
    });
    expect(connectorConfigSchema.parse({ kind: "http", url: "http://x/y" })).toMatchObject({ method: "POST", bodyTemplate: "{{input}}", outputPath: "$" });
    expect(connectorConfigSchema.parse({ kind: "mlflow", baseUrl: "http://x" })).toMatchObject({ format: "dataframe_records", column: "text", outputPath: "$", maxBatchSize: 32 });
    expect(connectorConfigSchema.parse({ kind: "onnx", inputName: "x", labelOutput: "y" })).toMatchObject({ inputType: "float32", inputPath: "$", maxBatchSize: 64 });
    expect(connectorConfigSchema.parse({ kind: "predictions" })).toEqual({ kind: "predictions" });
  });

  it("reports field paths for invalid configs", () => {
    const result = connectorConfigSchema.safeParse({ kind: "tfserving", baseUrl: "ftp://x", model: "", maxBatchSize: 0 });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["baseUrl", "model", "maxBatchSize"]));
    expect(connectorConfigSchema.safeParse({ kind: "onnx", inputName: "x" }).error?.issues[0]?.path).toEqual(["labelOutput"]);
    expect(connectorConfigSchema.safeParse({ kind: "nope" }).success).toBe(false);
  });

  it("lists the secrets a config needs", () => {
    const config = connectorConfigSchema.parse({ kind: "http", url: "http://x", headers: { authorization: "Bearer {{secret.token}}", "x-b": "{{secret.token}}-{{secret.b}}" } });
    expect(connectorSecretReferences(config)).toEqual(["token", "b"]);
    expect(connectorSecretReferences(connectorConfigSchema.parse({ kind: "predictions" }))).toEqual([]);
  });

  it("only predictions versions cannot be called", () => {
    expect(connectorKind("predictions").callable).toBe(false);
    for (const kind of ["openinference", "tfserving", "mlflow", "openai", "http", "onnx"] as const) expect(connectorKind(kind).callable).toBe(true);
  });
});
