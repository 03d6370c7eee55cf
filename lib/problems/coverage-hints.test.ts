import { describe, expect, it } from "vitest";
import { coverageHints } from "./coverage-hints";

describe("coverageHints", () => {
  it("is empty for 10–15 patterns with a negative and a production one", () => {
    expect(coverageHints({ total: 10, control: 1, production: 1 })).toEqual([]);
    expect(coverageHints({ total: 15, control: 3, production: 15 })).toEqual([]);
  });

  it("flags too few and too many at the exact boundaries", () => {
    expect(coverageHints({ total: 9, control: 2, production: 1 })).toEqual(["too_few_patterns"]);
    expect(coverageHints({ total: 16, control: 2, production: 1 })).toEqual(["too_many_patterns"]);
  });

  it("flags a missing negative and a missing production pattern", () => {
    expect(coverageHints({ total: 12, control: 0, production: 3 })).toEqual(["no_control_pattern"]);
    expect(coverageHints({ total: 12, control: 1, production: 0 })).toEqual(["no_production_pattern"]);
    expect(coverageHints({ total: 0, control: 0, production: 0 })).toEqual(["too_few_patterns", "no_control_pattern", "no_production_pattern"]);
  });
});
