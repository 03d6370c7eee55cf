import { defineConnectorKind, type ConnectorFieldSpec, type ConnectorKindSpec } from "./connector-kind-spec";
import { httpConfigSchema } from "./http/http-config.schema";
import { httpMapping } from "./http/http-mapping";
import { mlflowConfigSchema } from "./mlflow/mlflow-config.schema";
import { mlflowMapping, mlflowUrl } from "./mlflow/mlflow-mapping";
import { onnxConfigSchema } from "./onnx/onnx-config.schema";
import { openAiConfigSchema } from "./openai/openai-config.schema";
import { openAiMapping, openAiUrl } from "./openai/openai-mapping";
import { openInferenceConfigSchema } from "./openinference/openinference-config.schema";
import { openInferenceMapping, openInferenceUrl } from "./openinference/openinference-mapping";
import { predictionsConfigSchema } from "./predictions/predictions-config.schema";
import { tfServingConfigSchema } from "./tfserving/tfserving-config.schema";
import { tfServingMapping, tfServingUrl } from "./tfserving/tfserving-mapping";

// THE table of connector kinds: for each kind its configuration schema, the
// form's fields, whether it needs an uploaded file, whether it can be called
// for back-fill, its batch size and its mapping. Everything else (the config
// union, the form, the connector factory, the replay dispatcher, the model
// version page) reads this table. Adding a kind: see README.md.

const JSON_PATH_HINT = "A JSON path: $, $.field, $.a.b, $[0].";
const labelsField = (hint: string, advanced = true): ConnectorFieldSpec => ({
  name: "labels",
  label: "Labels",
  type: "labels",
  placeholder: "positive, negative, neutral",
  hint: `${hint} Comma or newline separated.`,
  advanced,
});
const batchField: ConnectorFieldSpec = { name: "maxBatchSize", label: "Batch size", type: "number", hint: "Patterns per request.", advanced: true };

export const CONNECTOR_KINDS = [
  defineConnectorKind({
    kind: "openinference",
    label: "Open Inference (KServe v2, Triton, MLServer)",
    description: "POST {baseUrl}/v2/models/{model}[/versions/{version}]/infer, batched.",
    schema: openInferenceConfigSchema,
    maxBatchSize: (config) => config.maxBatchSize,
    upload: null,
    callable: true,
    classLabels: (config) => config.labels,
    outputField: "outputName",
    summary: (config) => `POST ${openInferenceUrl(config)}`,
    mapping: openInferenceMapping,
    fields: [
      { name: "baseUrl", label: "Server URL", type: "url", placeholder: "http://triton:8000", hint: "The server root, without /v2." },
      { name: "model", label: "Model name", type: "text", placeholder: "sentiment", hint: "The model's name on the server." },
      { name: "version", label: "Server-side version", type: "text", placeholder: "3", hint: "Leave empty for the server's default version." },
      { name: "inputName", label: "Input tensor", type: "text", hint: "Sends the input's field with this name when there is one, else the whole input." },
      { name: "outputName", label: "Output tensor", type: "text", placeholder: "label", hint: "The tensor holding the answer. Set this, scores or ranked labels." },
      { name: "inputDatatype", label: "Input datatype", type: "select", hint: "BYTES for text; numeric types for feature vectors.", advanced: true },
      { name: "inputPath", label: "Input path", type: "text", placeholder: "$.text", hint: `Where the value is in the pattern input. ${JSON_PATH_HINT}`, advanced: true },
      { name: "scoresName", label: "Scores tensor", type: "text", placeholder: "scores", hint: "Per-class scores: ranked for in_top_k, argmax without an output tensor.", advanced: true },
      labelsField("Class names in score (and class id) order; empty: the response's parameters.labels for scores."),
      { name: "rankedLabelsName", label: "Ranked labels tensor", type: "text", placeholder: "ranked_labels", hint: "Labels best first, for in_top_k expectations.", advanced: true },
      batchField,
    ],
  }),
  defineConnectorKind({
    kind: "tfserving",
    label: "TensorFlow Serving / KServe v1",
    description: "POST {baseUrl}/v1/models/{model}[/versions/{version}]:predict, batched.",
    schema: tfServingConfigSchema,
    maxBatchSize: (config) => config.maxBatchSize,
    upload: null,
    callable: true,
    classLabels: (config) => config.labels,
    outputField: "outputPath",
    summary: (config) => `POST ${tfServingUrl(config)}`,
    mapping: tfServingMapping,
    fields: [
      { name: "baseUrl", label: "Server URL", type: "url", placeholder: "http://tfserving:8501", hint: "The server root, without /v1." },
      { name: "model", label: "Model name", type: "text", placeholder: "sentiment" },
      { name: "version", label: "Server-side version", type: "text", placeholder: "7", hint: "A number; empty for the latest." },
      { name: "inputPath", label: "Input path", type: "text", placeholder: "$.text", hint: `Where each instance is in the pattern input; empty: the whole input. ${JSON_PATH_HINT}` },
      { name: "instanceKey", label: "Instance key", type: "text", placeholder: "review", hint: "Wraps each instance as { key: value } for named inputs." },
      { name: "outputPath", label: "Output path", type: "text", hint: `Where the output is in each prediction. ${JSON_PATH_HINT}` },
      labelsField("When the output is a score vector or a class id: class names in its order."),
      batchField,
    ],
  }),
  defineConnectorKind({
    kind: "mlflow",
    label: "MLflow model server",
    description: "POST {baseUrl}/invocations, batched.",
    schema: mlflowConfigSchema,
    maxBatchSize: (config) => config.maxBatchSize,
    upload: null,
    callable: true,
    classLabels: (config) => config.labels,
    outputField: "outputPath",
    summary: (config) => `POST ${mlflowUrl(config)}`,
    mapping: mlflowMapping,
    fields: [
      { name: "baseUrl", label: "Server URL", type: "url", placeholder: "http://mlflow:5000", hint: "Requests go to {baseUrl}/invocations." },
      {
        name: "format",
        label: "Request format",
        type: "select",
        optionLabels: { dataframe_records: "dataframe_records (one row per pattern)", inputs: "inputs (tensor input)" },
      },
      { name: "column", label: "Column", type: "text", hint: "Column name for inputs that are not objects." },
      { name: "outputPath", label: "Output path", type: "text", hint: `Where the output is in each prediction. ${JSON_PATH_HINT}` },
      { name: "inputPath", label: "Input path", type: "text", placeholder: "$.features", hint: `Where each row is in the pattern input; empty: the whole input. ${JSON_PATH_HINT}`, advanced: true },
      labelsField("When the output is a score vector or a class id: class names in its order."),
      batchField,
    ],
  }),
  defineConnectorKind({
    kind: "openai",
    label: "OpenAI-compatible chat completions (LLMs)",
    description: "POST {baseUrl}/chat/completions, one pattern per call, temperature 0.",
    schema: openAiConfigSchema,
    maxBatchSize: () => 1,
    upload: null,
    callable: true,
    classLabels: () => undefined,
    outputField: "promptTemplate",
    summary: (config) => `POST ${openAiUrl(config)}`,
    mapping: openAiMapping,
    fields: [
      { name: "baseUrl", label: "API URL", type: "url", prefill: "https://api.openai.com/v1", hint: "Including /v1, as the OpenAI SDKs take it (vLLM, Ollama, LiteLLM work too)." },
      { name: "model", label: "Model", type: "text", placeholder: "gpt-4o-mini" },
      { name: "systemPrompt", label: "System prompt", type: "textarea", placeholder: "Answer with one word: positive, negative or neutral.", hint: "Optional. Same placeholders as the prompt." },
      { name: "promptTemplate", label: "Prompt template", type: "textarea", hint: "The user message. {{input}} is the whole input, {{input.field}} one field." },
      { name: "maxTokens", label: "Max tokens", type: "number", hint: "Temperature is always 0 so replays stay comparable.", advanced: true },
      { name: "apiKeySecret", label: "API key secret name", type: "text", hint: "The secret sent as Authorization: Bearer …", advanced: true },
    ],
  }),
  defineConnectorKind({
    kind: "http",
    label: "Any JSON endpoint",
    description: "A body template in, a JSON path out; one pattern per call.",
    schema: httpConfigSchema,
    maxBatchSize: () => 1,
    upload: null,
    callable: true,
    classLabels: () => undefined,
    outputField: "outputPath",
    summary: (config) => `${config.method} ${config.url}`,
    mapping: httpMapping,
    fields: [
      { name: "method", label: "Method", type: "select" },
      { name: "url", label: "URL", type: "url", placeholder: "https://models.internal/score/{{input.lang}}", hint: "{{input.field}} placeholders are URL-encoded." },
      {
        name: "bodyTemplate",
        label: "Body template (JSON)",
        type: "json",
        hint: 'A string that is exactly one placeholder becomes that JSON value: { "review": "{{input.text}}" }. "{{input}}" sends the input itself.',
      },
      { name: "outputPath", label: "Output path", type: "text", hint: `Where the output is in the response. ${JSON_PATH_HINT}` },
    ],
  }),
  defineConnectorKind({
    kind: "onnx",
    label: "Uploaded ONNX model",
    description: "An .onnx file you upload after registering, run inside Ratchet.",
    schema: onnxConfigSchema,
    maxBatchSize: (config) => config.maxBatchSize,
    upload: {
      noun: "ONNX model",
      fileLabel: "Model file",
      fieldLabel: "ONNX model (.onnx, at most 50 MB)",
      hint: "Checked to load and to have the configured input and outputs; stored with its SHA-256.",
      accept: ".onnx",
    },
    callable: true,
    classLabels: (config) => config.labels,
    outputField: "labelOutput",
    summary(config) {
      const outputs = [config.labelOutput && `label "${config.labelOutput}"`, config.probabilitiesOutput && `probabilities "${config.probabilitiesOutput}"`].filter(Boolean).join(", ");
      return `input "${config.inputName}" (${config.inputType}) from ${config.inputPath} → ${outputs}`;
    },
    mapping: { transport: "onnx" },
    fields: [
      { name: "inputName", label: "Input tensor", type: "text", placeholder: "features" },
      { name: "inputType", label: "Input type", type: "select" },
      { name: "inputPath", label: "Input path", type: "text", hint: `Where each pattern's number array is in its input. ${JSON_PATH_HINT}` },
      { name: "labelOutput", label: "Label output", type: "text", placeholder: "label", hint: "Output holding the label (or class id) per pattern. Set this and/or probabilities." },
      { name: "probabilitiesOutput", label: "Probabilities output", type: "text", placeholder: "probabilities", hint: "Per-class probabilities, ranked for in_top_k." },
      labelsField("Class names in probability order (also names integer class ids).", false),
      batchField,
    ],
  }),
  defineConnectorKind({
    kind: "predictions",
    label: "Uploaded predictions file",
    description: "For models that cannot be called: a CSV or JSONL file of outputs, uploaded after registering.",
    schema: predictionsConfigSchema,
    maxBatchSize: () => 1000,
    upload: {
      noun: "predictions file",
      fileLabel: "Predictions file",
      fieldLabel: "Predictions file (CSV or JSONL, at most 50 MB)",
      hint: "One row per pattern: patternRevisionId or patternId, and output. Patterns without a row show “no result”.",
      accept: ".csv,.jsonl,.ndjson,.json,text/csv",
    },
    callable: false,
    classLabels: () => undefined,
    outputField: "format",
    summary: (config) => `${config.format?.toUpperCase() ?? "CSV or JSONL (detected)"} file of outputs`,
    mapping: { transport: "predictions" },
    fields: [
      {
        name: "format",
        label: "File format",
        type: "select",
        optionLabels: { "": "Detect (JSONL when the file starts with “{”)", csv: "CSV with a header row", jsonl: "JSONL" },
        hint: "One row per pattern: patternRevisionId or patternId, and output.",
      },
    ],
  }),
] as const;

export type ConnectorKindEntry = (typeof CONNECTOR_KINDS)[number];
export type ConnectorKindName = ConnectorKindEntry["kind"];

/** The table entry of a kind, typed loosely: its functions take any configuration of that kind. */
export function connectorKind(kind: ConnectorKindName): ConnectorKindSpec {
  const entry = CONNECTOR_KINDS.find((candidate) => candidate.kind === kind);
  if (!entry) throw new Error(`unknown connector kind ${kind}`);
  return entry as unknown as ConnectorKindSpec;
}
