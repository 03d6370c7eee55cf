import type { Connector, ConnectorContext, ConnectorItem, ConnectorOutcome } from "@/lib/connectors/connector";

export type RetryPolicy = {
  /** Calls per item at most (first call included). */
  attempts: number;
  /** Delay before the first retry; doubled each time, with ±25% jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 5_000 };

export type FinalOutcome =
  | { ok: true; output: unknown; latencyMs: number; attempts: number }
  | { ok: false; reason: string; latencyMs: number; attempts: number };

type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls the connector for a chunk of items and retries, with exponential
 * backoff, only the items whose failure is transient (timeout, 5xx, reset).
 * Retrying in the handler (not by failing the whole queue job) keeps the
 * items that succeeded and waits milliseconds, not a poll interval. After the
 * last attempt a transient failure is final: the caller records verdict `error`.
 */
export async function invokeWithRetries(
  connector: Pick<Connector, "invoke">,
  items: readonly ConnectorItem[],
  context: ConnectorContext,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: Sleep = realSleep,
): Promise<FinalOutcome[]> {
  const final: (FinalOutcome | undefined)[] = items.map(() => undefined);
  let waiting = items.map((_, index) => index);
  for (let attempt = 1; waiting.length > 0; attempt++) {
    if (attempt > 1) {
      const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 2));
      await sleep(Math.round(delay * (0.75 + Math.random() * 0.5)));
    }
    if (context.signal?.aborted) {
      for (const index of waiting) final[index] = { ok: false, reason: "replay stopped before the call", latencyMs: 0, attempts: attempt - 1 };
      break;
    }
    const outcomes = await invokeSafely(connector, waiting.map((index) => items[index]!), context);
    const retry: number[] = [];
    waiting.forEach((index, position) => {
      const outcome = outcomes[position]!;
      if (outcome.ok) final[index] = { ...outcome, attempts: attempt };
      else if (outcome.transient && attempt < policy.attempts) retry.push(index);
      else {
        const reason = outcome.transient && attempt > 1 ? `${outcome.reason} (after ${attempt} attempts)` : outcome.reason;
        final[index] = { ok: false, reason, latencyMs: outcome.latencyMs, attempts: attempt };
      }
    });
    waiting = retry;
  }
  return final.map((outcome) => outcome ?? { ok: false, reason: "no outcome", latencyMs: 0, attempts: 0 });
}

/** A connector that throws, or answers with the wrong number of outcomes, fails the call (transiently). */
async function invokeSafely(connector: Pick<Connector, "invoke">, items: ConnectorItem[], context: ConnectorContext): Promise<ConnectorOutcome[]> {
  const started = performance.now();
  try {
    const { outcomes } = await connector.invoke(items, context);
    if (outcomes.length !== items.length) {
      return items.map(() => ({ ok: false, reason: `connector returned ${outcomes.length} outcomes for ${items.length} items`, transient: false, latencyMs: 0 }));
    }
    return outcomes;
  } catch (error) {
    const reason = `connector failed: ${error instanceof Error ? error.message : String(error)}`;
    const latencyMs = Math.round(performance.now() - started);
    return items.map(() => ({ ok: false, reason, transient: true, latencyMs }));
  }
}
