import type { ConnectorContext, ConnectorExchange, ConnectorItem, ConnectorOutcome } from "../connector";
import type { ItemResult, ParsedResponse } from "./item-result";
import { sendModelRequest, type ModelRequest } from "./send-model-request";

export type HttpBatchMapping<T> = {
  maxBatchSize: number;
  secretValues: readonly string[];
  /** The value to send for one item, or why it cannot be sent (a final error for that item alone). */
  encode(item: ConnectorItem): { ok: true; value: T } | { ok: false; reason: string };
  /** One HTTP request for the encoded items of one batch. */
  buildRequest(values: T[], items: ConnectorItem[]): ModelRequest;
  /** The response body → one result per sent item. */
  parse(body: unknown, items: ConnectorItem[]): ParsedResponse;
};

/** Sends items in batches of at most maxBatchSize; a failed call fails every item it carried, with the same reason. */
export async function invokeHttpBatch<T>(
  items: ConnectorItem[],
  context: ConnectorContext,
  mapping: HttpBatchMapping<T>,
): Promise<{ outcomes: ConnectorOutcome[]; exchanges: ConnectorExchange[] }> {
  const outcomes: ConnectorOutcome[] = new Array(items.length);
  const exchanges: ConnectorExchange[] = [];
  const sendable: { index: number; value: T }[] = [];
  items.forEach((item, index) => {
    const encoded = mapping.encode(item);
    if (encoded.ok) sendable.push({ index, value: encoded.value });
    else outcomes[index] = { ok: false, reason: encoded.reason, transient: false, latencyMs: 0 };
  });

  for (let start = 0; start < sendable.length; start += mapping.maxBatchSize) {
    const batch = sendable.slice(start, start + mapping.maxBatchSize);
    const batchItems = batch.map((b) => items[b.index]!);
    let request: ModelRequest;
    try {
      request = mapping.buildRequest(batch.map((b) => b.value), batchItems);
    } catch (error) {
      for (const { index } of batch) outcomes[index] = { ok: false, reason: (error as Error).message, transient: false, latencyMs: 0 };
      continue;
    }
    const response = await sendModelRequest(request, { timeoutMs: context.timeoutMs, signal: context.signal, secretValues: mapping.secretValues });
    exchanges.push(response.exchange);
    if (!response.ok) {
      for (const { index } of batch) outcomes[index] = { ok: false, reason: response.reason, transient: response.transient, latencyMs: response.latencyMs };
      continue;
    }
    let parsed: ParsedResponse;
    try {
      parsed = mapping.parse(response.body, batchItems);
    } catch (error) {
      parsed = { error: `cannot read the model server response: ${(error as Error).message}` };
    }
    batch.forEach(({ index }, i) => {
      const result: ItemResult =
        "error" in parsed ? { ok: false, reason: parsed.error } : (parsed.items[i] ?? { ok: false, reason: "model server returned fewer outputs than inputs" });
      outcomes[index] = result.ok
        ? { ok: true, output: result.output, latencyMs: response.latencyMs }
        : { ok: false, reason: result.reason, transient: false, latencyMs: response.latencyMs };
    });
  }
  return { outcomes, exchanges };
}
