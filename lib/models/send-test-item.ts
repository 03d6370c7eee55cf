import "server-only";
import { assertOutputsAreLabels } from "@/lib/connectors/assert-label-outputs";
import type { Connector, ConnectorItem } from "@/lib/connectors/connector";
import type { ConnectorKindName } from "@/lib/connectors/connector-kinds";
import { redactExchange, redactSecrets } from "@/lib/connectors/shared/redact-exchange";
import { judgeOutput } from "@/lib/scoring/judge-output";
import type { Expectation } from "@/lib/scoring/expectation.schema";
import { truncateExchange } from "./truncate-exchange";

export type TestItemCall = {
  connector: Connector;
  connectorKind: ConnectorKindName;
  /** Values masked wherever they would be shown: exchange, output and error reason. */
  secretValues: string[];
  timeoutMs: number;
  project: Parameters<Connector["invoke"]>[1]["project"];
  /** Where a label project's "not a label" 422 points (e.g. `connector`, `body.connector`). */
  errorPath: string;
};

/** The pattern a test sent; null when it sent a free-text or JSON sample instead. */
export type TestItemPattern = { id: string; name: string; revisionId: string } | null;

/**
 * Test connection's one call, for a registered version and an unsaved
 * connector alike: sends one item, and answers the output, the verdict (when a
 * pattern's expectation judges it), the latency and the raw exchange with
 * secrets masked — in the output and error reason too, since a model may echo
 * what it was sent — each body cut at 32 KB. Stores nothing.
 */
export async function sendTestItem(call: TestItemCall, item: ConnectorItem, expectation: Expectation | null, pattern: TestItemPattern) {
  const { outcomes, exchanges } = await call.connector.invoke([item], { timeoutMs: call.timeoutMs, project: call.project });
  const outcome = outcomes[0]!;
  const exchange = exchanges[0] ? truncateExchange(redactExchange(exchanges[0], call.secretValues)) : null;
  if (!outcome.ok) {
    return { ok: false, reason: redactSecrets(outcome.reason, call.secretValues), transient: outcome.transient, latencyMs: outcome.latencyMs, pattern, exchange };
  }
  assertOutputsAreLabels([outcome], call.project, call.connectorKind, call.errorPath);
  return {
    ok: true,
    output: redactSecrets(outcome.output, call.secretValues),
    verdict: expectation ? judgeOutput(expectation, outcome.output) : undefined,
    latencyMs: outcome.latencyMs,
    pattern,
    exchange,
  };
}
