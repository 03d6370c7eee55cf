import type { Connector, ConnectorContext, ConnectorExchange, ConnectorItem, ConnectorOutcome } from "../connector";
import type { HttpMapping } from "../connector-kind-spec";
import type { ItemResult, ParsedResponse } from "./item-result";
import { redactSecrets } from "./redact-exchange";
import { sendModelRequest, type ModelRequest } from "./send-model-request";

/**
 * A connector speaking an HTTP mapping (every kind but onnx and predictions).
 * A model can answer with what it was sent (a server echoing the
 * Authorization header): every secret value in an output or error reason is
 * replaced by [redacted] before anyone stores or shows it.
 */
export function createHttpConnector<C>(config: C, mapping: HttpMapping<C>, maxBatchSize: number, secrets: Record<string, string>): Connector {
  const secretValues = Object.values(secrets);
  return {
    maxBatchSize,
    async invoke(items, context) {
      const { outcomes, exchanges } = await invokeHttpBatch(config, mapping, { maxBatchSize, secrets, secretValues }, items, context);
      return { outcomes: outcomes.map((outcome) => redactOutcome(outcome, secretValues)), exchanges };
    },
  };
}

function redactOutcome(outcome: ConnectorOutcome, secretValues: readonly string[]): ConnectorOutcome {
  return outcome.ok ? { ...outcome, output: redactSecrets(outcome.output, secretValues) } : { ...outcome, reason: redactSecrets(outcome.reason, secretValues) };
}

/** Sends items in batches of at most maxBatchSize; a failed call fails every item it carried, with the same reason. */
async function invokeHttpBatch<C>(
  config: C,
  mapping: HttpMapping<C>,
  options: { maxBatchSize: number; secrets: Record<string, string>; secretValues: readonly string[] },
  items: ConnectorItem[],
  context: ConnectorContext,
): Promise<{ outcomes: ConnectorOutcome[]; exchanges: ConnectorExchange[] }> {
  const outcomes: ConnectorOutcome[] = new Array(items.length);
  const exchanges: ConnectorExchange[] = [];
  const sendable: { index: number; value: unknown }[] = [];
  items.forEach((item, index) => {
    const encoded = mapping.encode(config, item);
    if (encoded.ok) sendable.push({ index, value: encoded.value });
    else outcomes[index] = { ok: false, reason: encoded.reason, transient: false, latencyMs: 0 };
  });

  for (let start = 0; start < sendable.length; start += options.maxBatchSize) {
    const batch = sendable.slice(start, start + options.maxBatchSize);
    const batchItems = batch.map((b) => items[b.index]!);
    let request: ModelRequest;
    try {
      request = mapping.request(config, batch.map((b) => b.value), batchItems, options.secrets);
    } catch (error) {
      for (const { index } of batch) outcomes[index] = { ok: false, reason: (error as Error).message, transient: false, latencyMs: 0 };
      continue;
    }
    const response = await sendModelRequest(request, {
      timeoutMs: context.timeoutMs,
      signal: context.signal,
      secretValues: options.secretValues,
      recordExchange: context.recordExchanges !== false,
    });
    if (response.exchange) exchanges.push(response.exchange);
    if (!response.ok) {
      for (const { index } of batch) outcomes[index] = { ok: false, reason: response.reason, transient: response.transient, latencyMs: response.latencyMs };
      continue;
    }
    let parsed: ParsedResponse;
    try {
      parsed = mapping.parse(config, response.body, batchItems, context.project);
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
