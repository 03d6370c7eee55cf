import { describe, expect, it } from "vitest";
import { describeExpectation } from "./describe-expectation";

describe("describeExpectation", () => {
  it("puts every kind in words", () => {
    expect(describeExpectation({ kind: "equals", value: "negative" })).toBe("equals negative");
    expect(describeExpectation({ kind: "not_equals", value: "positive" })).toBe("is not positive");
    expect(describeExpectation({ kind: "one_of", values: ["negative", "neutral"] })).toBe("one of negative, neutral");
    expect(describeExpectation({ kind: "within", value: 3, abs: 0.5 })).toBe("within 3 ± 0.5");
    expect(describeExpectation({ kind: "within", value: 3, rel: 0.1 })).toBe("within 3 ± 10%");
    expect(describeExpectation({ kind: "within", value: 3, abs: 0.5, rel: 0.1 })).toBe("within 3 ± max(0.5, 10%)");
    expect(describeExpectation({ kind: "within", value: 3 })).toBe("exactly 3");
    expect(describeExpectation({ kind: "contains", value: "refund" })).toBe('contains "refund"');
    expect(describeExpectation({ kind: "matches", pattern: "^yes" })).toBe("matches /^yes/");
    expect(describeExpectation({ kind: "json_subset", value: { a: 1 } })).toBe('JSON including {"a":1}');
    expect(describeExpectation({ kind: "in_top_k", value: "chihuahua", k: 3 })).toBe("chihuahua in top 3");
    expect(describeExpectation({ kind: "human" })).toBe("graded by a person");
  });

  it("quotes values with spaces and shortens long JSON", () => {
    expect(describeExpectation({ kind: "equals", value: "two words" })).toBe('equals "two words"');
    expect(describeExpectation({ kind: "equals", value: 42 })).toBe("equals 42");
    expect(describeExpectation({ kind: "equals", value: { text: "x".repeat(200) } }).length).toBeLessThan(100);
  });
});
