import { z } from "zod";
import type { ConnectorFieldSpec } from "@/lib/connectors/connector-kind-spec";
import { connectorKind, type ConnectorKindName } from "@/lib/connectors/connector-kinds";
import { parseJsonTemplate } from "@/lib/connectors/shared/parse-json-template";

// The connector form's model: every field as the text the user typed, the
// fields of each kind from the kind table (lib/connectors/connector-kinds.ts)
// with required-ness, defaults, options and limits read from the kind's
// schema, and the conversion to the API's `connector` + `connectorSecrets`.
// Empty optional fields are left out so the server's defaults apply.

/** A field as the form shows it: the table's spec plus what the schema says. */
export type ConnectorFormField = ConnectorFieldSpec & {
  required: boolean;
  /** Prefilled in a new form: the schema's default, as text. */
  initial: string;
  options?: { value: string; label: string }[];
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

function asText(value: unknown, type: ConnectorFieldSpec["type"]): string {
  if (value === undefined || value === null) return "";
  if (type === "labels" && Array.isArray(value)) return value.join(", ");
  if (type === "json") return JSON.stringify(value, null, 2);
  return String(value);
}

function formField(schema: z.ZodObject, spec: ConnectorFieldSpec): ConnectorFormField {
  const field = schema.shape[spec.name];
  if (!field) throw new Error(`the schema has no field ${spec.name}`);
  const defaulted = field instanceof z.ZodDefault;
  const inner = field instanceof z.ZodDefault || field instanceof z.ZodOptional ? field.unwrap() : field;
  const options =
    inner instanceof z.ZodEnum
      ? [...(defaulted ? [] : [""]), ...(inner.options as string[])].map((value) => ({ value, label: spec.optionLabels?.[value] ?? value }))
      : undefined;
  const limits = inner instanceof z.ZodNumber && inner.minValue !== null && inner.maxValue !== null ? ` ${inner.minValue}–${inner.maxValue}.` : "";
  return {
    ...spec,
    required: !field.isOptional(),
    initial: defaulted ? asText(field.def.defaultValue, spec.type) : (spec.prefill ?? ""),
    hint: spec.hint || limits ? `${spec.hint ?? ""}${limits}`.trim() : undefined,
    ...(options ? { options } : {}),
  };
}

const formFieldsCache = new Map<ConnectorKindName, ConnectorFormField[]>();

/** The form fields of a kind, in the table's order. */
export function connectorFormFields(kind: ConnectorKindName): ConnectorFormField[] {
  let fields = formFieldsCache.get(kind);
  if (!fields) {
    const spec = connectorKind(kind);
    fields = spec.fields.map((field) => formField(spec.schema, field));
    formFieldsCache.set(kind, fields);
  }
  return fields;
}

/** Kinds whose requests carry headers (and so may use secrets): their schema has `headers`. */
export function takesHeaders(kind: ConnectorKindName): boolean {
  return "headers" in connectorKind(kind).schema.shape;
}

/** Kinds whose model is an uploaded file. */
export function takesArtifact(kind: ConnectorKindName): boolean {
  return connectorKind(kind).upload !== null;
}

export function newConnectorDraft(kind: ConnectorKindName, keep?: ConnectorDraft): ConnectorDraft {
  const fields = Object.fromEntries(connectorFormFields(kind).map((f) => [f.name, f.initial]));
  // Switching kinds keeps what still applies (URL, model name, headers, secrets).
  if (keep) for (const name of ["baseUrl", "model", "version", "inputPath"]) if (name in fields && keep.fields[name]) fields[name] = keep.fields[name]!;
  const secrets = keep?.secrets.length ? keep.secrets : kind === "openai" ? [{ name: "apiKey", value: "", stored: false, remove: false }] : [];
  return { kind, fields, headers: keep?.headers ?? [], secrets: takesHeaders(kind) ? secrets : [] };
}

/** The form's draft of a stored connector (edit, or "start from" another version); secret values stay on the server. */
export function draftFromConnector(connector: Record<string, unknown> & { kind: ConnectorKindName }, secretKeys: string[] | null): ConnectorDraft {
  const fields: Record<string, string> = {};
  for (const spec of connectorFormFields(connector.kind)) fields[spec.name] = asText(connector[spec.name], spec.type);
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
  for (const spec of connectorFormFields(draft.kind)) {
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
      const parsed = parseJsonTemplate(text);
      if (parsed.ok) connector[spec.name] = parsed.value;
      else errors[spec.name] = parsed.reason;
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
  const spec = connectorKind(connector.kind);
  const parsed = spec.schema.safeParse(connector);
  return parsed.success ? spec.summary(parsed.data) : `${connector.kind} (configuration no longer valid)`;
}
