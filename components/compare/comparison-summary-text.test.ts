import { describe, expect, it } from "vitest";
import { comparisonSummaryText } from "./comparison-summary-text";

const p = (verdict: "better" | "worse" | "unchanged" | "inconclusive", pValue: number) => ({ verdict, pValue });

describe("comparisonSummaryText", () => {
  it("reads worse first with its p-value, then better, unchanged and inconclusive", () => {
    expect(comparisonSummaryText([p("better", 0.01), p("worse", 0.03125), p("unchanged", 1), p("unchanged", 0.5), p("inconclusive", 0.125)])).toBe(
      "1 problem worse (p = 0.031), 1 better (p = 0.01), 2 unchanged, 1 inconclusive",
    );
  });

  it("bounds several significant p-values by the largest, and always says how many are worse or better", () => {
    expect(comparisonSummaryText([p("worse", 0.02), p("worse", 0.04), p("unchanged", 1)])).toBe("2 problems worse (p ≤ 0.04), 0 better, 1 unchanged");
    expect(comparisonSummaryText([p("unchanged", 1)])).toBe("0 problems worse, 0 better, 1 unchanged");
    expect(comparisonSummaryText([])).toBe("No problems to compare.");
  });
});
