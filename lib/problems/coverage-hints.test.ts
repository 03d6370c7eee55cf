import { describe, expect, it } from "vitest";
import { coverageHints } from "./coverage-hints";

describe("coverageHints", () => {
  it("is empty for 10–15 patterns with a negative one", () => {
    expect(coverageHints({ total: 10, negative: 1 })).toEqual([]);
    expect(coverageHints({ total: 15, negative: 3 })).toEqual([]);
  });

  it("flags too few, too many and no negative pattern", () => {
    expect(coverageHints({ total: 9, negative: 2 })).toEqual(["< 10 patterns"]);
    expect(coverageHints({ total: 16, negative: 2 })).toEqual(["> 15 patterns"]);
    expect(coverageHints({ total: 0, negative: 0 })).toEqual(["< 10 patterns", "no negative pattern"]);
  });
});
