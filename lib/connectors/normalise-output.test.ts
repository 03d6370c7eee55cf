import { describe, expect, it } from "vitest";
import type { ConnectorItem } from "./connector";
import { connectorConfigSchema, type ConnectorConfig } from "./connector-config.schema";
import { connectorKind, type ConnectorKindName } from "./connector-kinds";
import { normaliseConnectorOutput } from "./create-connector";
import type { HttpMapping } from "./connector-kind-spec";
import { isProjectLabel, normaliseOutput } from "./normalise-output";
import { parseOnnxOutputs } from "./onnx/onnx-mapping";
import { parsePredictionsFile } from "./predictions/parse-predictions-file";

const digits = { outputKind: "label" as const, labels: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] };
const animals = { outputKind: "label" as const, labels: ["cat", "dog", "bird"] };
const yesNo = { outputKind: "label" as const, labels: ["true", "false"] };

describe("normaliseOutput", () => {
  it("names integer class ids through the configured labels", () => {
    expect(normaliseOutput(1, animals, ["cat", "dog", "bird"])).toBe("dog");
    expect(normaliseOutput("2", animals, ["cat", "dog", "bird"])).toBe("bird");
    expect(normaliseOutput(8, digits, ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])).toBe("eight");
  });

  it("turns numbers and booleans whose text is a project label into that label", () => {
    expect(normaliseOutput(8, digits)).toBe("8");
    expect(normaliseOutput(true, yesNo)).toBe("true");
    expect(normaliseOutput(false, yesNo)).toBe("false");
  });

  it("keeps an answer that is already a label, even when it looks like a class id", () => {
    expect(normaliseOutput("8", digits, ["a", "b"])).toBe("8");
  });

  it("keeps what maps onto no label as it came, and flags it", () => {
    for (const [output, project, classLabels] of [
      [42, animals, undefined],
      [7, animals, ["cat", "dog", "bird"]],
      [1.5, digits, undefined],
      ["8", animals, undefined],
      [true, animals, undefined],
      [{ label: 1 }, animals, undefined],
    ] as const) {
      const normalised = normaliseOutput(output, project, classLabels);
      expect(normalised).toEqual(output);
      expect(isProjectLabel(normalised, project)).toBe(false);
    }
  });

  it("normalises each entry of a ranking and judges a ranking by its best entry", () => {
    expect(normaliseOutput([2, 0], animals, ["cat", "dog", "bird"])).toEqual(["bird", "cat"]);
    expect(normaliseOutput([{ label: 3, score: 0.9 }], digits)).toEqual([{ label: "3", score: 0.9 }]);
    expect(isProjectLabel(["bird", 7], animals)).toBe(true);
    expect(isProjectLabel([7, "bird"], animals)).toBe(false);
  });

  it("never touches outputs of projects that are not label projects", () => {
    expect(normaliseOutput(8, { outputKind: "number", labels: [] }, ["a"])).toBe(8);
    expect(isProjectLabel(8, { outputKind: "number", labels: [] })).toBe(true);
  });
});

// Each kind: the model's raw answer (class ids, numbers, booleans, numeric
// text) read by the kind's own mapping, then the shared normaliser.
const items = (n: number): ConnectorItem[] => Array.from({ length: n }, (_, i) => ({ patternRevisionId: `r${i}`, patternId: `p${i}`, inputKind: "json", input: {}, expectationKind: "equals" }));

function outputsOf(stored: Record<string, unknown>, body: unknown, n: number, project: typeof digits): unknown[] {
  const config: ConnectorConfig = connectorConfigSchema.parse(stored);
  const mapping = connectorKind(config.kind).mapping as HttpMapping<ConnectorConfig>;
  const parsed = mapping.parse(config, body, items(n), project);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.items.map((item) => (item.ok ? normaliseConnectorOutput(config, item.output, project) : item.reason));
}

const oi = { kind: "openinference", baseUrl: "http://m", model: "m", outputName: "class" };
const oiBody = (datatype: string, data: unknown[]) => ({ outputs: [{ name: "class", datatype, shape: [data.length], data }] });

describe.each([
  {
    kind: "openinference",
    classIds: (labels?: string[]) => outputsOf({ ...oi, labels }, oiBody("INT64", [8, 3]), 2, labels ? animalsTen : digits),
    numericText: () => outputsOf(oi, oiBody("BYTES", ["8", "3"]), 2, digits),
    booleans: () => outputsOf(oi, oiBody("BOOL", [true, false]), 2, yesNo),
  },
  {
    kind: "tfserving",
    classIds: (labels?: string[]) => outputsOf({ kind: "tfserving", baseUrl: "http://m", model: "m", outputPath: "$.class_ids[0]", labels }, { predictions: [{ class_ids: [8] }, { class_ids: [3] }] }, 2, labels ? animalsTen : digits),
    numericText: () => outputsOf({ kind: "tfserving", baseUrl: "http://m", model: "m" }, { predictions: ["8", "3"] }, 2, digits),
    booleans: () => outputsOf({ kind: "tfserving", baseUrl: "http://m", model: "m" }, { predictions: [true, false] }, 2, yesNo),
  },
  {
    kind: "mlflow",
    classIds: (labels?: string[]) => outputsOf({ kind: "mlflow", baseUrl: "http://m", labels }, { predictions: [8, 3] }, 2, labels ? animalsTen : digits),
    numericText: () => outputsOf({ kind: "mlflow", baseUrl: "http://m" }, ["8", "3"], 2, digits),
    booleans: () => outputsOf({ kind: "mlflow", baseUrl: "http://m" }, { predictions: [true, false] }, 2, yesNo),
  },
  {
    kind: "http",
    classIds: () => [8, 3].flatMap((label) => outputsOf({ kind: "http", url: "http://m", outputPath: "$.label" }, { label }, 1, digits)),
    numericText: () => ["8", "3"].flatMap((label) => outputsOf({ kind: "http", url: "http://m", outputPath: "$.label" }, { label }, 1, digits)),
    booleans: () => [true, false].flatMap((answer) => outputsOf({ kind: "http", url: "http://m" }, answer, 1, yesNo)),
  },
  {
    kind: "openai",
    classIds: () => ["8", " 3."].flatMap((answer) => outputsOf({ kind: "openai", baseUrl: "http://m", model: "m" }, chat(answer), 1, digits)),
    numericText: () => ["8", "3"].flatMap((answer) => outputsOf({ kind: "openai", baseUrl: "http://m", model: "m" }, chat(answer), 1, digits)),
    booleans: () => ["True", "false."].flatMap((answer) => outputsOf({ kind: "openai", baseUrl: "http://m", model: "m" }, chat(answer), 1, yesNo)),
  },
  {
    kind: "onnx",
    classIds: (labels?: string[]) => onnxOutputs(labels, { type: "int64", dims: [2], data: [8, 3] }, labels ? animalsTen : digits),
    numericText: () => onnxOutputs(undefined, { type: "string", dims: [2], data: ["8", "3"] }, digits),
    booleans: () => onnxOutputs(undefined, { type: "bool", dims: [2], data: [true, false] }, yesNo),
  },
  {
    kind: "predictions",
    classIds: () => predictionOutputs('{"patternRevisionId":"r0","output":8}\n{"patternRevisionId":"r1","output":3}', digits),
    numericText: () => predictionOutputs("patternRevisionId,output\nr0,8\nr1,3", digits),
    booleans: () => predictionOutputs("patternRevisionId,output\nr0,true\nr1,false", yesNo),
  },
])("$kind outputs in a label project", ({ kind, classIds, numericText, booleans }) => {
  it("class ids without labels: their text, when it is a project label", () => expect(classIds()).toEqual(["8", "3"]));
  // http, openai and predictions configure no labels: a class id is only ever its text.
  it.runIf("labels" in connectorKind(kind as ConnectorKindName).schema.shape)("class ids with labels: the class names", () => expect(classIds(animalsTenLabels)).toEqual(["cat8", "cat3"]));
  it("numeric text: the label it is", () => expect(numericText()).toEqual(["8", "3"]));
  it("booleans: the label they spell", () => expect(booleans()).toEqual(["true", "false"]));
  it.runIf(kind === "openinference")("an id the labels do not cover stays a number, not a label", () => {
    const outputs = outputsOf({ ...oi, labels: ["a", "b"] }, oiBody("INT64", [8]), 1, digits);
    expect(outputs).toEqual(["8"]);
    const strangers = outputsOf({ ...oi, labels: ["a", "b"] }, oiBody("INT64", [8]), 1, animals);
    expect(strangers).toEqual([8]);
    expect(isProjectLabel(strangers[0], animals)).toBe(false);
  });
});

const animalsTenLabels = Array.from({ length: 10 }, (_, i) => `cat${i}`);
const animalsTen = { outputKind: "label" as const, labels: animalsTenLabels };

function chat(content: string) {
  return { choices: [{ message: { role: "assistant", content } }] };
}

function onnxOutputs(labels: string[] | undefined, label: { type: string; dims: number[]; data: unknown[] }, project: typeof digits): unknown[] {
  const config = connectorConfigSchema.parse({ kind: "onnx", inputName: "x", labelOutput: "label", labels });
  if (config.kind !== "onnx") throw new Error("not onnx");
  const parsed = parseOnnxOutputs(config, { label }, items(label.data.length));
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.items.map((item) => (item.ok ? normaliseConnectorOutput(config, item.output, project) : item.reason));
}

function predictionOutputs(file: string, project: typeof digits): unknown[] {
  const config = connectorConfigSchema.parse({ kind: "predictions" });
  const index = parsePredictionsFile(file);
  return ["r0", "r1"].map((id) => normaliseConnectorOutput(config, index.byRevision.get(id), project));
}
