import { describe, expect, it } from "vitest";
import type { ConnectorItem, ConnectorOutcome } from "@/lib/connectors/connector";
import { invokeWithRetries } from "./invoke-with-retries";

const item = (id: string): ConnectorItem => ({ patternRevisionId: id, patternId: id, inputKind: "json", input: {}, expectationKind: "equals" });
const context = { timeoutMs: 100, project: { outputKind: "label" as const, labels: [] } };
const policy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };

function scripted(script: Record<string, ConnectorOutcome[]>) {
  const calls: string[][] = [];
  return {
    calls,
    connector: {
      async invoke(items: ConnectorItem[]) {
        calls.push(items.map((i) => i.patternRevisionId));
        return { outcomes: items.map((i) => script[i.patternRevisionId]!.shift()!), exchanges: [] };
      },
    },
  };
}
const ok = (output: unknown): ConnectorOutcome => ({ ok: true, output, latencyMs: 1 });
const transient = (reason: string): ConnectorOutcome => ({ ok: false, reason, transient: true, latencyMs: 1 });
const final = (reason: string): ConnectorOutcome => ({ ok: false, reason, transient: false, latencyMs: 1 });

describe("invokeWithRetries", () => {
  it("retries only the items whose failure was transient, with doubling delays", async () => {
    const { connector, calls } = scripted({ a: [ok("x")], b: [transient("503"), transient("503"), ok("y")], c: [final("400")] });
    const delays: number[] = [];
    const outcomes = await invokeWithRetries(connector, [item("a"), item("b"), item("c")], context, policy, async (ms) => void delays.push(ms));
    expect(calls).toEqual([["a", "b", "c"], ["b"], ["b"]]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false]);
    expect(outcomes[1]).toMatchObject({ ok: true, output: "y", attempts: 3 });
    expect(outcomes[2]).toMatchObject({ ok: false, reason: "400", attempts: 1 });
    expect(delays[0]).toBeGreaterThanOrEqual(75);
    expect(delays[0]).toBeLessThanOrEqual(125);
    expect(delays[1]).toBeGreaterThanOrEqual(150);
    expect(delays[1]).toBeLessThanOrEqual(250);
  });

  it("turns a transient failure into a final one, with the reason, after the last attempt", async () => {
    const { connector, calls } = scripted({ a: [transient("timed out"), transient("timed out"), transient("timed out")] });
    const [outcome] = await invokeWithRetries(connector, [item("a")], context, policy, async () => {});
    expect(calls).toHaveLength(3);
    expect(outcome).toEqual({ ok: false, reason: "timed out (after 3 attempts)", latencyMs: 1, attempts: 3 });
  });

  it("treats a connector that throws as a transient failure of every item", async () => {
    let n = 0;
    const connector = {
      async invoke(items: ConnectorItem[]) {
        if (n++ === 0) throw new Error("boom");
        return { outcomes: items.map(() => ok(1)), exchanges: [] };
      },
    };
    const outcomes = await invokeWithRetries(connector, [item("a"), item("b")], context, policy, async () => {});
    expect(outcomes.every((o) => o.ok)).toBe(true);
  });
});
