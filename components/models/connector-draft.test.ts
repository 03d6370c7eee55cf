import { describe, expect, it } from "vitest";
import { connectorConfigSchema } from "@/lib/connectors/connector-config.schema";
import { CONNECTOR_KINDS } from "@/lib/connectors/connector-kinds";
import { buildConnector, connectorFormFields, draftFromConnector, newConnectorDraft } from "./connector-draft";

describe("connectorFormFields", () => {
  it("reads required-ness, defaults, options and limits from the kind's schema", () => {
    const fields = Object.fromEntries(connectorFormFields("openinference").map((f) => [f.name, f]));
    expect(fields.baseUrl).toMatchObject({ required: true, initial: "" });
    expect(fields.version).toMatchObject({ required: false, initial: "" });
    expect(fields.inputName).toMatchObject({ required: false, initial: "text" });
    expect(fields.maxBatchSize).toMatchObject({ initial: "32", hint: "Patterns per request. 1–1024." });
    expect(fields.inputDatatype?.options?.map((o) => o.value)).toEqual(["BYTES", "FP32", "FP64", "INT32", "INT64", "BOOL"]);
    expect(connectorFormFields("onnx").find((f) => f.name === "maxBatchSize")).toMatchObject({ initial: "64", hint: "Patterns per request. 1–4096." });
    expect(connectorFormFields("http").find((f) => f.name === "bodyTemplate")?.initial).toBe('"{{input}}"');
  });

  it("offers an empty choice for an optional enum and keeps the table's option texts", () => {
    expect(connectorFormFields("predictions")[0]?.options).toEqual([
      { value: "", label: "Detect (JSONL when the file starts with “{”)" },
      { value: "csv", label: "CSV with a header row" },
      { value: "jsonl", label: "JSONL" },
    ]);
  });

  it("has a field for every configuration key of every kind but kind and headers", () => {
    for (const { kind, schema } of CONNECTOR_KINDS) {
      const keys = Object.keys(schema.shape).filter((key) => key !== "kind" && key !== "headers");
      expect(connectorFormFields(kind).map((f) => f.name).sort(), kind).toEqual(keys.sort());
    }
  });
});

describe("buildConnector", () => {
  it("leaves empty optional fields out, parses numbers, labels and JSON", () => {
    const draft = newConnectorDraft("openinference");
    draft.fields = { ...draft.fields, baseUrl: " http://triton:8000 ", model: "sentiment", outputName: "label", labels: "positive, negative\nneutral", maxBatchSize: "8" };
    const built = buildConnector(draft);
    expect(built).toEqual({
      ok: true,
      connector: { kind: "openinference", baseUrl: "http://triton:8000", model: "sentiment", inputName: "text", outputName: "label", inputDatatype: "BYTES", labels: ["positive", "negative", "neutral"], maxBatchSize: 8 },
      secrets: {},
    });
  });

  it("reports what the browser can check under the field's name", () => {
    const draft = newConnectorDraft("http");
    draft.fields = { ...draft.fields, bodyTemplate: "{ nope" };
    const built = buildConnector(draft);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(Object.keys(built.errors).sort()).toEqual(["bodyTemplate", "url"]);
  });

  it("sends new secrets, null for removed stored ones, and nothing for untouched stored ones", () => {
    const draft = draftFromConnector({ kind: "http", method: "POST", url: "https://m/x", headers: { authorization: "Bearer {{secret.token}}" }, bodyTemplate: "{{input}}", outputPath: "$" }, ["token", "old", "keep"]);
    draft.secrets = draft.secrets.map((s) => (s.name === "token" ? { ...s, value: "t2" } : s.name === "old" ? { ...s, remove: true } : s));
    draft.secrets.push({ name: "extra", value: "x", stored: false, remove: false });
    const built = buildConnector(draft);
    expect(built.ok && built.secrets).toEqual({ token: "t2", old: null, extra: "x" });
    expect(built.ok && built.connector.headers).toEqual({ authorization: "Bearer {{secret.token}}" });
  });

  it("round-trips every kind's defaults through the server schema unchanged", () => {
    const required: Record<string, Record<string, string>> = {
      openinference: { baseUrl: "http://s", model: "m", outputName: "label" },
      tfserving: { baseUrl: "http://s", model: "m" },
      mlflow: { baseUrl: "http://s" },
      openai: { model: "gpt" },
      http: { url: "https://s/x" },
      onnx: { inputName: "x", labelOutput: "label" },
      predictions: {},
    };
    for (const { kind } of CONNECTOR_KINDS) {
      const draft = newConnectorDraft(kind);
      draft.fields = { ...draft.fields, ...required[kind] };
      const built = buildConnector(draft);
      if (!built.ok) throw new Error(`${kind}: ${JSON.stringify(built.errors)}`);
      const parsed = connectorConfigSchema.parse(built.connector);
      // Editing the stored configuration and saving it untouched sends the same connector.
      const again = buildConnector(draftFromConnector(parsed, []));
      expect(again.ok && connectorConfigSchema.parse(again.connector), kind).toEqual(parsed);
    }
  });
});
