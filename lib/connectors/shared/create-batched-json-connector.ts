import type { Connector, ConnectorItem } from "../connector";
import type { ParsedResponse } from "./item-result";
import { invokeHttpBatch } from "./invoke-http-batch";
import { renderHeaders } from "./render-template";

/** What differs between the batching JSON-over-POST protocols (Open Inference, TF Serving, MLflow). */
export type BatchedJsonProtocol<C, T> = {
  url(config: C): string;
  encode(config: C, item: ConnectorItem): { ok: true; value: T } | { ok: false; reason: string };
  body(config: C, values: T[]): unknown;
  parse(config: C, body: unknown, batch: ConnectorItem[]): ParsedResponse;
};

/** A connector that POSTs batches of encoded inputs as one JSON body and reads one output per item back. */
export function createBatchedJsonConnector<C extends { maxBatchSize: number; headers: Record<string, string> }, T>(
  config: C,
  secrets: Record<string, string>,
  protocol: BatchedJsonProtocol<NoInfer<C>, T>,
): Connector {
  return {
    maxBatchSize: config.maxBatchSize,
    invoke: (items, context) =>
      invokeHttpBatch(items, context, {
        maxBatchSize: config.maxBatchSize,
        secretValues: Object.values(secrets),
        encode: (item) => protocol.encode(config, item),
        buildRequest: (values) => ({
          method: "POST",
          url: protocol.url(config),
          headers: renderHeaders(config.headers, { input: undefined, secrets }),
          body: protocol.body(config, values),
        }),
        parse: (body, batch) => protocol.parse(config, body, batch),
      }),
  };
}
