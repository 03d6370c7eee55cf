import { describe, expect, it } from "vitest";
import { coverageHints } from "./coverage-hints";

describe("coverageHints", () => {
  it("is empty for 10–15 patterns with a negative and a production one", () => {
    expect(coverageHints({ total: 10, negative: 1, production: 1 })).toEqual([]);
    expect(coverageHints({ total: 15, negative: 3, production: 15 })).toEqual([]);
  });

  it("flags too few and too many at the exact boundaries", () => {
    expect(coverageHints({ total: 9, negative: 2, production: 1 })).toEqual(["too_few_patterns"]);
    expect(coverageHints({ total: 16, negative: 2, production: 1 })).toEqual(["too_many_patterns"]);
  });

  it("flags a missing negative and a missing production pattern", () => {
    expect(coverageHints({ total: 12, negative: 0, production: 3 })).toEqual(["no_negative_pattern"]);
    expect(coverageHints({ total: 12, negative: 1, production: 0 })).toEqual(["no_production_pattern"]);
    expect(coverageHints({ total: 0, negative: 0, production: 0 })).toEqual(["too_few_patterns", "no_negative_pattern", "no_production_pattern"]);
  });
});
