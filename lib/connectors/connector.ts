import type { InputKind, OutputKind } from "@/lib/db/generated/enums";

// The contract between the replay engine and every connector kind
// (openinference, tfserving, mlflow, openai, http, onnx, predictions).
// A connector turns pattern inputs into model calls and model responses into
// *outputs* (label, number, text, JSON value, or ranked labels for in_top_k);
// the expectation judges the output, never the connector.

/** One pattern revision to send to the model. */
export type ConnectorItem = {
  /** The pattern revision id: results and predictions files are keyed by it (or by pattern id). */
  patternRevisionId: string;
  patternId: string;
  inputKind: InputKind;
  /** The revision's input JSON (for images: { attachmentId }). */
  input: unknown;
  /** Image bytes when inputKind is "image". */
  image?: { contentType: string; data: Uint8Array };
  /** Lets a connector return ranked labels when the expectation is in_top_k. */
  expectationKind: string;
};

export type ConnectorOutcome =
  | { ok: true; output: unknown; latencyMs: number }
  /** `transient`: worth retrying (timeout, 5xx, connection reset); otherwise final (4xx, unparsable). */
  | { ok: false; reason: string; transient: boolean; latencyMs: number };

/** The raw HTTP (or in-process) exchange, for "Test connection"; secrets redacted. */
export type ConnectorExchange = {
  request: { method: string; url: string; headers: Record<string, string>; body: unknown };
  response: { status: number | null; body: unknown } | null;
};

export type ConnectorContext = {
  timeoutMs: number;
  signal?: AbortSignal;
  project: { outputKind: OutputKind; labels: string[] };
  /** false: no exchange record is built (replays, which never show one); default true (Test connection). */
  recordExchanges?: boolean;
};

export interface Connector {
  /** Largest number of items one call may carry (1: unbatched protocol). */
  readonly maxBatchSize: number;
  /** Returns one outcome per item, in order. A failed call yields the same error outcome for each of its items. */
  invoke(items: ConnectorItem[], context: ConnectorContext): Promise<{ outcomes: ConnectorOutcome[]; exchanges: ConnectorExchange[] }>;
}
