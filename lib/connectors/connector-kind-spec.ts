import type { z } from "zod";
import type { ConnectorContext, ConnectorItem } from "./connector";
import type { ParsedResponse } from "./shared/item-result";
import type { ModelRequest } from "./shared/send-model-request";

// The shape of one entry of the kind table (connector-kinds.ts): everything
// Ratchet knows about a connector kind, in one place. Browser-safe: the
// connector form reads the same entries as the server.

/** How the form shows one configuration field. Required-ness, defaults, options and limits come from the kind's schema. */
export type ConnectorFieldSpec = {
  name: string;
  label: string;
  type: "text" | "url" | "number" | "select" | "textarea" | "labels" | "json";
  placeholder?: string;
  hint?: string;
  /** Prefilled in a new form where the schema has no default (a suggestion, still required). */
  prefill?: string;
  /** Display text of a select's options (value → text); the values themselves come from the schema's enum. */
  optionLabels?: Record<string, string>;
  /** Shown under "More options". */
  advanced?: boolean;
};

export type Encoded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A protocol spoken over HTTP with JSON bodies: items → one request per batch, the response → one result per item. Pure functions. */
export type HttpMapping<C> = {
  transport: "http";
  /** The value sent for one item, or why it cannot be sent (a final error for that item alone). */
  encode(config: C, item: ConnectorItem): Encoded<unknown>;
  /** The request of one batch; may throw (e.g. a template naming a missing field): a final error for the batch. */
  request(config: C, values: unknown[], items: readonly ConnectorItem[], secrets: Record<string, string>): ModelRequest;
  /** The response body → one output per item. */
  parse(config: C, body: unknown, items: readonly ConnectorItem[], project: ConnectorContext["project"]): ParsedResponse;
};

/** Models run inside Ratchet from their uploaded file (onnx) or read from it (predictions); the runner lives beside the kind. */
export type InProcessMapping = { transport: "onnx" | "predictions" };

export type ConnectorKindSpec<S extends z.ZodObject = z.ZodObject> = {
  kind: z.output<S>["kind"];
  /** Shown in the kind picker. */
  label: string;
  description: string;
  /** The configuration's zod schema (defaults, limits, enums: the form reads them from here). */
  schema: S;
  /** Items per call: decided here once, for the connector and the replay dispatcher. */
  maxBatchSize(config: z.output<S>): number;
  /** The model is an uploaded file: replayed once the file is uploaded, never called before. */
  upload: null | { noun: string; fileLabel: string; fieldLabel: string; hint: string; accept: string };
  /** Whether new or edited patterns are back-filled on versions of this kind (false: a fixed file of outputs). */
  callable: boolean;
  /** Class names by class id (the config's `labels`), for the output normaliser. */
  classLabels(config: z.output<S>): readonly string[] | undefined;
  /** The field that decides which output is read, for messages about outputs (path `connector.<outputField>`). */
  outputField: string;
  /** The form's fields, in order. */
  fields: ConnectorFieldSpec[];
  /** One line on how the model is called, for the model version page. */
  summary(config: z.output<S>): string;
  mapping: HttpMapping<z.output<S>> | InProcessMapping;
};

/** Types one entry of the kind table against its schema. */
export function defineConnectorKind<S extends z.ZodObject>(spec: ConnectorKindSpec<S>): ConnectorKindSpec<S> {
  return spec;
}
