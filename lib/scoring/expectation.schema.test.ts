import { describe, expect, it } from "vitest";
import { expectationSchema } from "./expectation.schema";

describe("expectationSchema", () => {
  it.each([
    { kind: "equals", value: "positive" },
    { kind: "equals", value: { a: [1, null, true] } },
    { kind: "not_equals", value: 3 },
    { kind: "one_of", values: ["a", "b"] },
    { kind: "within", value: 1.5 },
    { kind: "within", value: 10, abs: 0.5, rel: 0.1 },
    { kind: "contains", value: "refund" },
    { kind: "matches", pattern: "^pos(itive)?$" },
    { kind: "json_subset", value: { label: "x" } },
    { kind: "in_top_k", value: "dog", k: 2 },
    { kind: "human" },
  ])("accepts %j", (input) => {
    expect(expectationSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    ["unknown kind", { kind: "approximately", value: 1 }],
    ["missing value", { kind: "equals" }],
    ["empty one_of", { kind: "one_of", values: [] }],
    ["negative abs", { kind: "within", value: 1, abs: -1 }],
    ["negative rel", { kind: "within", value: 1, rel: -0.1 }],
    ["string within value", { kind: "within", value: "1" }],
    ["NaN within value", { kind: "within", value: Number.NaN }],
    ["contains a number", { kind: "contains", value: 3 }],
    ["json_subset of an array", { kind: "json_subset", value: [1] }],
    ["k of zero", { kind: "in_top_k", value: "a", k: 0 }],
    ["fractional k", { kind: "in_top_k", value: "a", k: 1.5 }],
  ])("rejects %s", (_name, input) => {
    expect(expectationSchema.safeParse(input).success).toBe(false);
  });

  it("rejects a pattern that does not compile, with a clear message", () => {
    const parsed = expectationSchema.safeParse({ kind: "matches", pattern: "(unclosed" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/not a regular expression Ratchet can run/);
    expect(parsed.error?.issues[0]?.path).toEqual(["pattern"]);
  });

  it.each([
    ["a backreference", "(a)\\1"],
    ["a lookbehind", "(?<=a)b"],
    ["a lookahead", "a(?=b)"],
  ])("refuses %s, which the linear-time engine cannot run", (_name, pattern) => {
    const parsed = expectationSchema.safeParse({ kind: "matches", pattern });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["pattern"]);
    expect(parsed.error?.issues[0]?.message).toMatch(/RE2/);
  });
});
