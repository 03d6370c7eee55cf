import type { ConnectorKindName } from "@/lib/connectors/connector-config.schema";

// The connector form's model: every field as the text the user typed, one
// field list per kind (names, defaults and hints follow
// lib/connectors/connector-config.schema.ts), and the conversion to the API's
// `connector` + `connectorSecrets`. Empty optional fields are left out so the
// server's defaults apply.

export type ConnectorFieldSpec = {
  name: string;
  label: string;
  type: "text" | "url" | "number" | "select" | "textarea" | "labels" | "json";
  required?: boolean;
  /** Prefilled in a new form. */
  initial?: string;
  placeholder?: string;
  hint?: string;
  options?: { value: string; label: string }[];
  /** Shown under "More options". */
  advanced?: boolean;
};

export type HeaderRow = { name: string; value: string };
/** A secret: `stored` ones exist on the server (their value is never shown); `remove` deletes one on save. */
export type SecretRow = { name: string; value: string; stored: boolean; remove: boolean };

export type ConnectorDraft = {
  kind: ConnectorKindName;
  fields: Record<string, string>;
  headers: HeaderRow[];
  secrets: SecretRow[];
};

export const CONNECTOR_KINDS: { kind: ConnectorKindName; label: string; description: string }[] = [
  { kind: "openinference", label: "Open Inference (KServe v2, Triton, MLServer)", description: "POST {baseUrl}/v2/models/{model}[/versions/{version}]/infer, batched." },
  { kind: "tfserving", label: "TensorFlow Serving / KServe v1", description: "POST {baseUrl}/v1/models/{model}[/versions/{version}]:predict, batched." },
  { kind: "mlflow", label: "MLflow model server", description: "POST {baseUrl}/invocations, batched." },
  { kind: "openai", label: "OpenAI-compatible chat completions (LLMs)", description: "POST {baseUrl}/chat/completions, one pattern per call, temperature 0." },
  { kind: "http", label: "Any JSON endpoint", description: "A body template in, a JSON path out; one pattern per call." },
  { kind: "onnx", label: "Uploaded ONNX model", description: "An .onnx file you upload after registering, run inside Ratchet." },
  { kind: "predictions", label: "Uploaded predictions file", description: "For models that cannot be called: a CSV or JSONL file of outputs, uploaded after registering." },
];

const JSON_PATH_HINT = "A JSON path: $, $.field, $.a.b, $[0].";
const labelsField = (hint: string): ConnectorFieldSpec => ({
  name: "labels",
  label: "Labels",
  type: "labels",
  placeholder: "positive, negative, neutral",
  hint: `${hint} Comma or newline separated.`,
  advanced: true,
});
const batchField = (initial: string, max: number): ConnectorFieldSpec => ({
  name: "maxBatchSize",
  label: "Batch size",
  type: "number",
  initial,
  hint: `Patterns per request (1–${max}).`,
  advanced: true,
});

export const CONNECTOR_FIELDS: Record<ConnectorKindName, ConnectorFieldSpec[]> = {
  openinference: [
    { name: "baseUrl", label: "Server URL", type: "url", required: true, placeholder: "http://triton:8000", hint: "The server root, without /v2." },
    { name: "model", label: "Model name", type: "text", required: true, placeholder: "sentiment", hint: "The model's name on the server." },
    { name: "version", label: "Server-side version", type: "text", placeholder: "3", hint: "Leave empty for the server's default version." },
    { name: "inputName", label: "Input tensor", type: "text", initial: "text", hint: "Sends the input's field with this name when there is one, else the whole input." },
    { name: "outputName", label: "Output tensor", type: "text", placeholder: "label", hint: "The tensor holding the answer. Set this, scores or ranked labels." },
    {
      name: "inputDatatype",
      label: "Input datatype",
      type: "select",
      initial: "BYTES",
      options: ["BYTES", "FP32", "FP64", "INT32", "INT64", "BOOL"].map((v) => ({ value: v, label: v })),
      hint: "BYTES for text; numeric types for feature vectors.",
      advanced: true,
    },
    { name: "inputPath", label: "Input path", type: "text", placeholder: "$.text", hint: `Where the value is in the pattern input. ${JSON_PATH_HINT}`, advanced: true },
    { name: "scoresName", label: "Scores tensor", type: "text", placeholder: "scores", hint: "Per-class scores: ranked for in_top_k, argmax without an output tensor.", advanced: true },
    labelsField("Class names in score order; empty: the response's parameters.labels."),
    { name: "rankedLabelsName", label: "Ranked labels tensor", type: "text", placeholder: "ranked_labels", hint: "Labels best first, for in_top_k expectations.", advanced: true },
    batchField("32", 1024),
  ],
  tfserving: [
    { name: "baseUrl", label: "Server URL", type: "url", required: true, placeholder: "http://tfserving:8501", hint: "The server root, without /v1." },
    { name: "model", label: "Model name", type: "text", required: true, placeholder: "sentiment" },
    { name: "version", label: "Server-side version", type: "text", placeholder: "7", hint: "A number; empty for the latest." },
    { name: "inputPath", label: "Input path", type: "text", placeholder: "$.text", hint: `Where each instance is in the pattern input; empty: the whole input. ${JSON_PATH_HINT}` },
    { name: "instanceKey", label: "Instance key", type: "text", placeholder: "review", hint: "Wraps each instance as { key: value } for named inputs." },
    { name: "outputPath", label: "Output path", type: "text", initial: "$", hint: `Where the output is in each prediction. ${JSON_PATH_HINT}` },
    labelsField("When the output is a score vector: class names in its order."),
    batchField("32", 1024),
  ],
  mlflow: [
    { name: "baseUrl", label: "Server URL", type: "url", required: true, placeholder: "http://mlflow:5000", hint: "Requests go to {baseUrl}/invocations." },
    {
      name: "format",
      label: "Request format",
      type: "select",
      initial: "dataframe_records",
      options: [
        { value: "dataframe_records", label: "dataframe_records (one row per pattern)" },
        { value: "inputs", label: "inputs (tensor input)" },
      ],
    },
    { name: "column", label: "Column", type: "text", initial: "text", hint: "Column name for inputs that are not objects." },
    { name: "outputPath", label: "Output path", type: "text", initial: "$", hint: `Where the output is in each prediction. ${JSON_PATH_HINT}` },
    { name: "inputPath", label: "Input path", type: "text", placeholder: "$.features", hint: `Where each row is in the pattern input; empty: the whole input. ${JSON_PATH_HINT}`, advanced: true },
    labelsField("When the output is a score vector: class names in its order."),
    batchField("32", 1024),
  ],
  openai: [
    { name: "baseUrl", label: "API URL", type: "url", required: true, initial: "https://api.openai.com/v1", hint: "Including /v1, as the OpenAI SDKs take it (vLLM, Ollama, LiteLLM work too)." },
    { name: "model", label: "Model", type: "text", required: true, placeholder: "gpt-4o-mini" },
    {
      name: "systemPrompt",
      label: "System prompt",
      type: "textarea",
      placeholder: "Answer with one word: positive, negative or neutral.",
      hint: "Optional. Same placeholders as the prompt.",
    },
    {
      name: "promptTemplate",
      label: "Prompt template",
      type: "textarea",
      initial: "{{input}}",
      hint: "The user message. {{input}} is the whole input, {{input.field}} one field.",
    },
    { name: "maxTokens", label: "Max tokens", type: "number", initial: "256", hint: "Temperature is always 0 so replays stay comparable.", advanced: true },
    { name: "apiKeySecret", label: "API key secret name", type: "text", initial: "apiKey", hint: "The secret sent as Authorization: Bearer …", advanced: true },
  ],
  http: [
    {
      name: "method",
      label: "Method",
      type: "select",
      initial: "POST",
      options: ["POST", "PUT", "GET"].map((v) => ({ value: v, label: v })),
    },
    { name: "url", label: "URL", type: "url", required: true, placeholder: "https://models.internal/score/{{input.lang}}", hint: "{{input.field}} placeholders are URL-encoded." },
    {
      name: "bodyTemplate",
      label: "Body template (JSON)",
      type: "json",
      initial: '"{{input}}"',
      hint: 'A string that is exactly one placeholder becomes that JSON value: { "review": "{{input.text}}" }. "{{input}}" sends the input itself.',
    },
    { name: "outputPath", label: "Output path", type: "text", initial: "$", hint: `Where the output is in the response. ${JSON_PATH_HINT}` },
  ],
  onnx: [
    { name: "inputName", label: "Input tensor", type: "text", required: true, placeholder: "features" },
    {
      name: "inputType",
      label: "Input type",
      type: "select",
      initial: "float32",
      options: ["float32", "float64", "int32", "int64"].map((v) => ({ value: v, label: v })),
    },
    { name: "inputPath", label: "Input path", type: "text", initial: "$", hint: `Where each pattern's number array is in its input. ${JSON_PATH_HINT}` },
    { name: "labelOutput", label: "Label output", type: "text", placeholder: "label", hint: "Output holding the label per pattern. Set this and/or probabilities." },
    { name: "probabilitiesOutput", label: "Probabilities output", type: "text", placeholder: "probabilities", hint: "Per-class probabilities, ranked for in_top_k." },
    { ...labelsField("Class names in probability order (also maps integer labels)."), advanced: false },
    batchField("64", 4096),
  ],
  predictions: [
    {
      name: "format",
      label: "File format",
      type: "select",
      initial: "",
      options: [
        { value: "", label: "Detect (JSONL when the file starts with “{”)" },
        { value: "csv", label: "CSV with a header row" },
        { value: "jsonl", label: "JSONL" },
      ],
      hint: "One row per pattern: patternRevisionId or patternId, and output.",
    },
  ],
};

/** Kinds whose requests carry headers (and so may use secrets). */
export function takesHeaders(kind: ConnectorKindName): boolean {
  return kind !== "onnx" && kind !== "predictions";
}

/** Kinds whose model is an uploaded file. */
export function takesArtifact(kind: ConnectorKindName): boolean {
  return kind === "onnx" || kind === "predictions";
}

export function newConnectorDraft(kind: ConnectorKindName, keep?: ConnectorDraft): ConnectorDraft {
  const fields = Object.fromEntries(CONNECTOR_FIELDS[kind].map((f) => [f.name, f.initial ?? ""]));
  // Switching kinds keeps what still applies (URL, model name, headers, secrets).
  if (keep) for (const name of ["baseUrl", "model", "version", "inputPath"]) if (name in fields && keep.fields[name]) fields[name] = keep.fields[name]!;
  const secrets = keep?.secrets.length ? keep.secrets : kind === "openai" ? [{ name: "apiKey", value: "", stored: false, remove: false }] : [];
  return { kind, fields, headers: keep?.headers ?? [], secrets: takesHeaders(kind) ? secrets : [] };
}

/** The form's draft of a stored connector (edit, or "start from" another version); secret values stay on the server. */
export function draftFromConnector(connector: Record<string, unknown> & { kind: ConnectorKindName }, secretKeys: string[] | null): ConnectorDraft {
  const fields: Record<string, string> = {};
  for (const spec of CONNECTOR_FIELDS[connector.kind]) {
    const value = connector[spec.name];
    if (value === undefined || value === null) fields[spec.name] = "";
    else if (spec.type === "labels" && Array.isArray(value)) fields[spec.name] = value.join(", ");
    else if (spec.type === "json") fields[spec.name] = JSON.stringify(value, null, 2);
    else fields[spec.name] = String(value);
  }
  const headers = Object.entries((connector.headers as Record<string, string> | undefined) ?? {}).map(([name, value]) => ({ name, value }));
  const secrets = (secretKeys ?? []).map((name) => ({ name, value: "", stored: true, remove: false }));
  return { kind: connector.kind, fields, headers, secrets };
}

export type BuiltConnector =
  | { ok: true; connector: Record<string, unknown>; secrets: Record<string, string | null> }
  | { ok: false; errors: Record<string, string> };

/**
 * The API body parts of a draft. Checks only what the browser can (required,
 * numbers, JSON); the server validates the rest and its messages land under
 * the same fields. Secrets: new values set, `remove` sends null, untouched
 * stored ones are left out.
 */
export function buildConnector(draft: ConnectorDraft): BuiltConnector {
  const errors: Record<string, string> = {};
  const connector: Record<string, unknown> = { kind: draft.kind };
  for (const spec of CONNECTOR_FIELDS[draft.kind]) {
    const raw = draft.fields[spec.name] ?? "";
    const text = spec.type === "textarea" || spec.type === "json" ? raw : raw.trim();
    if (text.trim() === "") {
      if (spec.required) errors[spec.name] = "is required";
      continue;
    }
    if (spec.type === "number") {
      const n = Number(text);
      if (!Number.isInteger(n)) errors[spec.name] = "must be a whole number";
      else connector[spec.name] = n;
    } else if (spec.type === "labels") {
      connector[spec.name] = text.split(/[,\n]/).map((l) => l.trim()).filter(Boolean);
    } else if (spec.type === "json") {
      try {
        connector[spec.name] = JSON.parse(text) as unknown;
      } catch (error) {
        errors[spec.name] = `is not valid JSON: ${(error as Error).message}`;
      }
    } else {
      connector[spec.name] = text;
    }
  }

  if (takesHeaders(draft.kind)) {
    const headers: Record<string, string> = {};
    for (const row of draft.headers) {
      const name = row.name.trim();
      if (!name && !row.value) continue;
      if (!name) errors.headers = "every header needs a name";
      else headers[name] = row.value;
    }
    if (Object.keys(headers).length) connector.headers = headers;
  }

  const secrets: Record<string, string | null> = {};
  for (const row of takesHeaders(draft.kind) ? draft.secrets : []) {
    const name = row.name.trim();
    if (row.stored) {
      if (row.remove) secrets[name] = null;
      else if (row.value) secrets[name] = row.value;
    } else if (name && row.value) {
      secrets[name] = row.value;
    } else if (row.value && !name) {
      errors.connectorSecrets = "every secret needs a name";
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, connector, secrets };
}

/** One line on how the model is called, for the model version page: "POST http://…/v2/models/sentiment/versions/3.0/infer". */
export function connectorSummary(connector: Record<string, unknown> & { kind: ConnectorKindName }): string {
  const str = (key: string) => (typeof connector[key] === "string" ? (connector[key] as string) : undefined);
  const baseUrl = str("baseUrl");
  const model = encodeURIComponent(str("model") ?? "");
  const version = str("version");
  switch (connector.kind) {
    case "openinference":
      return `POST ${baseUrl}/v2/models/${model}${version ? `/versions/${encodeURIComponent(version)}` : ""}/infer`;
    case "tfserving":
      return `POST ${baseUrl}/v1/models/${model}${version ? `/versions/${encodeURIComponent(version)}` : ""}:predict`;
    case "mlflow":
      return `POST ${baseUrl}/invocations`;
    case "openai":
      return `POST ${baseUrl}/chat/completions`;
    case "http":
      return `${str("method") ?? "POST"} ${str("url")}`;
    case "onnx": {
      const outputs = [str("labelOutput") && `label "${str("labelOutput")}"`, str("probabilitiesOutput") && `probabilities "${str("probabilitiesOutput")}"`].filter(Boolean).join(", ");
      return `input "${str("inputName")}" (${str("inputType") ?? "float32"}) from ${str("inputPath") ?? "$"} → ${outputs}`;
    }
    case "predictions":
      return `${str("format")?.toUpperCase() ?? "CSV or JSONL (detected)"} file of outputs`;
  }
}
