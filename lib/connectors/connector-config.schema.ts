import { z } from "zod";
import { parseJsonPath } from "./shared/json-path";

// The connector configuration of a model version (ModelVersion.connector), one
// shape per kind. Secrets never live here: they are a separate, encrypted
// name → value object, referred to as {{secret.NAME}} (see README.md).
// The JSDoc on each field is its documentation; lib/connectors/README.md says
// the same with examples.

const jsonPathSchema = z
  .string()
  .max(500)
  .superRefine((path, ctx) => {
    const parsed = parseJsonPath(path);
    if (!Array.isArray(parsed)) ctx.addIssue({ code: "custom", message: `invalid JSON path: ${parsed.error}` });
  });

const httpUrlSchema = z
  .string()
  .trim()
  .url("must be an absolute URL")
  .max(2000)
  .refine((url) => /^https?:\/\//i.test(url), "must be an http(s) URL")
  .transform((url) => url.replace(/\/+$/, ""));

const nameSchema = z.string().trim().min(1, "is required").max(200);
const labelsSchema = z.array(z.string().min(1).max(200)).min(1).max(10_000);
const headerNameSchema = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "not a valid header name");
/** Header values: text, may contain {{secret.NAME}} (and, for http, {{input…}}). */
const headersSchema = z.record(headerNameSchema, z.string().max(4000)).default({});
const maxBatchSize = (fallback: number, max = 1024) => z.number().int().min(1).max(max).default(fallback);

/** Open Inference Protocol / KServe v2 (Triton, MLServer, KServe, Seldon). */
export const openInferenceConfigSchema = z.object({
  kind: z.literal("openinference"),
  /** Server root; requests go to `{baseUrl}/v2/models/{model}[/versions/{version}]/infer`. */
  baseUrl: httpUrlSchema,
  /** Model name on the server. */
  model: nameSchema,
  /** Model version on the server; omitted: the server's default version. */
  version: nameSchema.optional(),
  /** Name of the input tensor. */
  inputName: nameSchema.default("text"),
  /** Tensor datatype: BYTES for text (each item one string), numeric types for feature vectors. */
  inputDatatype: z.enum(["BYTES", "FP32", "FP64", "INT32", "INT64", "BOOL"]).default("BYTES"),
  /**
   * Where each item's value is in the pattern input (JSON path). Omitted: the input's
   * field named like `inputName` when the input is an object that has it, else the whole input.
   */
  inputPath: jsonPathSchema.optional(),
  /** Output tensor holding the answer (label, number, text); one row per item. */
  outputName: nameSchema.optional(),
  /** Output tensor of per-class scores (shape [n, classes]); ranked for in_top_k, argmax when there is no `outputName`. */
  scoresName: nameSchema.optional(),
  /** Class names in score column order; omitted: the response's `parameters.labels`. */
  labels: labelsSchema.optional(),
  /** Output tensor of labels already ranked best first (shape [n, k]); used for in_top_k. */
  rankedLabelsName: nameSchema.optional(),
  /** Items per inference request. */
  maxBatchSize: maxBatchSize(32),
  /** Extra request headers; values may use {{secret.NAME}}. */
  headers: headersSchema,
});

/** TensorFlow Serving REST / KServe v1 predict protocol. */
export const tfServingConfigSchema = z.object({
  kind: z.literal("tfserving"),
  /** Server root; requests go to `{baseUrl}/v1/models/{model}[/versions/{version}]:predict`. */
  baseUrl: httpUrlSchema,
  model: nameSchema,
  /** Numeric model version; omitted: the server's latest. */
  version: z.string().trim().regex(/^\d+$/, "must be a number").optional(),
  /** Where each instance is in the pattern input (JSON path); omitted: the whole input. */
  inputPath: jsonPathSchema.optional(),
  /** Wrap each instance as `{ [instanceKey]: value }` (named inputs); omitted: send as is. */
  instanceKey: nameSchema.optional(),
  /** Where the output is inside each element of `predictions` (JSON path); default `$`. */
  outputPath: jsonPathSchema.default("$"),
  /** When the output is a score vector: class names in its order (argmax → label; ranked for in_top_k). */
  labels: labelsSchema.optional(),
  maxBatchSize: maxBatchSize(32),
  headers: headersSchema,
});

/** MLflow model server (`mlflow models serve`). */
export const mlflowConfigSchema = z.object({
  kind: z.literal("mlflow"),
  /** Server root; requests go to `{baseUrl}/invocations`. */
  baseUrl: httpUrlSchema,
  /**
   * `dataframe_records`: `{ dataframe_records: [row, …] }`, each row the input object
   * (a non-object input becomes `{ [column]: input }`). `inputs`: `{ inputs: [input, …] }` (tensor input).
   */
  format: z.enum(["dataframe_records", "inputs"]).default("dataframe_records"),
  /** Column name for non-object inputs in dataframe_records format. */
  column: nameSchema.default("text"),
  /** Where each row is in the pattern input (JSON path); omitted: the whole input. */
  inputPath: jsonPathSchema.optional(),
  /** Where the output is inside each element of `predictions` (JSON path); default `$`. */
  outputPath: jsonPathSchema.default("$"),
  /** When the output is a score vector: class names in its order. */
  labels: labelsSchema.optional(),
  maxBatchSize: maxBatchSize(32),
  headers: headersSchema,
});

/** OpenAI-compatible chat completions (OpenAI, vLLM, Ollama, LiteLLM, …). */
export const openAiConfigSchema = z.object({
  kind: z.literal("openai"),
  /** API root including `/v1`, as the OpenAI SDKs take it; requests go to `{baseUrl}/chat/completions`. */
  baseUrl: httpUrlSchema,
  /** Model name sent in the request. */
  model: nameSchema,
  /** The user message; `{{input}}` is the whole input (text as is, other JSON as JSON), `{{input.field}}` one field. */
  promptTemplate: z.string().min(1).max(50_000).default("{{input}}"),
  /** Optional system message (same placeholders). */
  systemPrompt: z.string().max(50_000).optional(),
  /** `max_tokens` of the request. Temperature is always 0: replays must be comparable. */
  maxTokens: z.number().int().min(1).max(32_000).default(256),
  /** Name of the secret sent as `Authorization: Bearer …`; omitted or unset: no Authorization header. */
  apiKeySecret: nameSchema.default("apiKey"),
  headers: headersSchema,
});

/** Any JSON endpoint: a body template in, a JSON path out. One item per call. */
export const httpConfigSchema = z.object({
  kind: z.literal("http"),
  method: z.enum(["POST", "PUT", "GET"]).default("POST"),
  /** Endpoint URL; `{{input.field}}` placeholders are URL-encoded. */
  url: z.string().trim().min(1).max(2000).refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL"),
  /** Header values may use {{secret.NAME}} and {{input.field}}. */
  headers: headersSchema,
  /** JSON body; strings that are exactly one placeholder become that JSON value (see README). Default: the input itself. */
  bodyTemplate: z.json().default("{{input}}"),
  /** Where the output is in the response (JSON path); default `$` (the whole body). */
  outputPath: jsonPathSchema.default("$"),
});

export const onnxTensorTypeSchema = z.enum(["float32", "float64", "int32", "int64"]);

/** An uploaded `.onnx` model, run in-process with onnxruntime-node on worker threads. */
export const onnxConfigSchema = z.object({
  kind: z.literal("onnx"),
  /** Input tensor name. */
  inputName: nameSchema,
  /** Element type of the input tensor. */
  inputType: onnxTensorTypeSchema.default("float32"),
  /** Where the number array of each item is in the pattern input (JSON path); default: the whole input. */
  inputPath: jsonPathSchema.default("$"),
  /** Output holding the label (or value) per item. */
  labelOutput: nameSchema.optional(),
  /** Output of per-class probabilities, shape [n, classes]; ranked for in_top_k, argmax when there is no `labelOutput`. */
  probabilitiesOutput: nameSchema.optional(),
  /** Class names in probability column order (also maps integer labels to names). */
  labels: labelsSchema.optional(),
  maxBatchSize: maxBatchSize(64, 4096),
});

/** An uploaded file of outputs, for models that cannot be called. */
export const predictionsConfigSchema = z.object({
  kind: z.literal("predictions"),
  /** File format; omitted: JSONL when the file starts with "{", CSV otherwise. */
  format: z.enum(["csv", "jsonl"]).optional(),
});

export const connectorConfigSchema = z
  .discriminatedUnion("kind", [
    openInferenceConfigSchema,
    tfServingConfigSchema,
    mlflowConfigSchema,
    openAiConfigSchema,
    httpConfigSchema,
    onnxConfigSchema,
    predictionsConfigSchema,
  ])
  .superRefine((config, ctx) => {
    if (config.kind === "openinference" && !config.outputName && !config.scoresName && !config.rankedLabelsName) {
      ctx.addIssue({ code: "custom", path: ["outputName"], message: "set outputName, scoresName or rankedLabelsName" });
    }
    if (config.kind === "onnx" && !config.labelOutput && !config.probabilitiesOutput) {
      ctx.addIssue({ code: "custom", path: ["labelOutput"], message: "set labelOutput and/or probabilitiesOutput" });
    }
  });

export type ConnectorConfig = z.output<typeof connectorConfigSchema>;
export type ConnectorConfigInput = z.input<typeof connectorConfigSchema>;
export type ConnectorKindName = ConnectorConfig["kind"];
export type OpenInferenceConfig = z.output<typeof openInferenceConfigSchema>;
export type TfServingConfig = z.output<typeof tfServingConfigSchema>;
export type MlflowConfig = z.output<typeof mlflowConfigSchema>;
export type OpenAiConfig = z.output<typeof openAiConfigSchema>;
export type HttpConfig = z.output<typeof httpConfigSchema>;
export type OnnxConfig = z.output<typeof onnxConfigSchema>;
export type PredictionsConfig = z.output<typeof predictionsConfigSchema>;
