import { describe, expect, it } from "vitest";
import { judgeOutput } from "./judge-output";

describe("judgeOutput: equals", () => {
  it("passes on an identical label and fails on a different case", () => {
    expect(judgeOutput({ kind: "equals", value: "positive" }, "positive")).toBe("pass");
    expect(judgeOutput({ kind: "equals", value: "positive" }, "Positive")).toBe("fail");
  });

  it("compares objects regardless of key order, arrays by position", () => {
    expect(judgeOutput({ kind: "equals", value: { a: 1, b: [1, 2] } }, { b: [1, 2], a: 1 })).toBe("pass");
    expect(judgeOutput({ kind: "equals", value: { a: 1, b: [1, 2] } }, { a: 1, b: [2, 1] })).toBe("fail");
    expect(judgeOutput({ kind: "equals", value: { a: 1 } }, { a: 1, extra: true })).toBe("fail");
  });

  it("does not confuse types or NaN", () => {
    expect(judgeOutput({ kind: "equals", value: 1 }, "1")).toBe("fail");
    expect(judgeOutput({ kind: "equals", value: null }, Number.NaN)).toBe("fail");
    expect(judgeOutput({ kind: "equals", value: [1] }, { 0: 1 })).toBe("fail");
    expect(judgeOutput({ kind: "equals", value: null }, null)).toBe("pass");
    expect(judgeOutput({ kind: "equals", value: null }, undefined)).toBe("fail");
  });
});

describe("judgeOutput: not_equals", () => {
  it("passes on anything else, fails on the forbidden value", () => {
    expect(judgeOutput({ kind: "not_equals", value: "positive" }, "negative")).toBe("pass");
    expect(judgeOutput({ kind: "not_equals", value: "positive" }, "positive")).toBe("fail");
    expect(judgeOutput({ kind: "not_equals", value: { a: 1, b: 2 } }, { b: 2, a: 1 })).toBe("fail");
  });

  it("fails when there is no output at all", () => {
    expect(judgeOutput({ kind: "not_equals", value: "positive" }, undefined)).toBe("fail");
  });
});

describe("judgeOutput: one_of", () => {
  it("passes when the output is any of the values", () => {
    expect(judgeOutput({ kind: "one_of", values: ["negative", "neutral"] }, "neutral")).toBe("pass");
    expect(judgeOutput({ kind: "one_of", values: ["negative", "neutral"] }, "positive")).toBe("fail");
    expect(judgeOutput({ kind: "one_of", values: [{ a: 1 }] }, { a: 1 })).toBe("pass");
  });
});

describe("judgeOutput: within", () => {
  it("is exact without tolerances", () => {
    expect(judgeOutput({ kind: "within", value: 2 }, 2)).toBe("pass");
    expect(judgeOutput({ kind: "within", value: 2 }, 2.0001)).toBe("fail");
  });

  it("uses the larger of abs and rel × |value|", () => {
    expect(judgeOutput({ kind: "within", value: 100, abs: 1, rel: 0.05 }, 104.9)).toBe("pass");
    expect(judgeOutput({ kind: "within", value: 100, abs: 1, rel: 0.05 }, 105.1)).toBe("fail");
    expect(judgeOutput({ kind: "within", value: -10, rel: 0.1 }, -11)).toBe("pass");
    expect(judgeOutput({ kind: "within", value: 0, abs: 0.5 }, -0.5)).toBe("pass");
  });

  it("fails on non-numbers, NaN and infinities", () => {
    expect(judgeOutput({ kind: "within", value: 1, abs: 1 }, "1")).toBe("fail");
    expect(judgeOutput({ kind: "within", value: 1, abs: 1 }, Number.NaN)).toBe("fail");
    expect(judgeOutput({ kind: "within", value: 1, abs: 1e308 }, Number.POSITIVE_INFINITY)).toBe("fail");
    expect(judgeOutput({ kind: "within", value: 1, abs: 1 }, null)).toBe("fail");
  });
});

describe("judgeOutput: contains", () => {
  it("looks for the substring, case-sensitively", () => {
    expect(judgeOutput({ kind: "contains", value: "refund" }, "please refund me")).toBe("pass");
    expect(judgeOutput({ kind: "contains", value: "refund" }, "Refund please")).toBe("fail");
  });

  it("searches the JSON text of non-string outputs", () => {
    expect(judgeOutput({ kind: "contains", value: '"label":"x"' }, { score: 1, label: "x" })).toBe("pass");
    expect(judgeOutput({ kind: "contains", value: "42" }, 1042)).toBe("pass");
    expect(judgeOutput({ kind: "contains", value: "" }, undefined)).toBe("fail");
  });
});

describe("judgeOutput: matches", () => {
  it("tests the regular expression against the output", () => {
    expect(judgeOutput({ kind: "matches", pattern: "^pos(itive)?$" }, "positive")).toBe("pass");
    expect(judgeOutput({ kind: "matches", pattern: "^pos(itive)?$" }, "a positive")).toBe("fail");
  });

  it("fails rather than throws on a pattern that does not compile", () => {
    expect(judgeOutput({ kind: "matches", pattern: "(" }, "(")).toBe("fail");
  });

  // Issue 11 item 7: on a backtracking engine ^(a+)+d$ against 29 a's took 6.5 s and doubles per character.
  it("judges a catastrophic-backtracking pattern in linear time, with the right verdict", { timeout: 2000 }, () => {
    const started = performance.now();
    expect(judgeOutput({ kind: "matches", pattern: "^(a+)+d$" }, `${"a".repeat(29)}!`)).toBe("fail");
    expect(judgeOutput({ kind: "matches", pattern: "^(a+)+d$" }, `${"a".repeat(29)}d`)).toBe("pass");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("stays linear on a 100,000-character answer", { timeout: 2000 }, () => {
    expect(judgeOutput({ kind: "matches", pattern: "^(a+)+d$" }, "a".repeat(100_000))).toBe("fail");
    expect(judgeOutput({ kind: "matches", pattern: "(x+x+)+y" }, `${"x".repeat(100_000)}y`)).toBe("pass");
  });
});

describe("judgeOutput: json_subset", () => {
  it("passes when every expected key is present, recursively", () => {
    expect(judgeOutput({ kind: "json_subset", value: { a: { b: 1 } } }, { a: { b: 1, c: 2 }, d: 3 })).toBe("pass");
    expect(judgeOutput({ kind: "json_subset", value: { a: { b: 1 } } }, { a: { b: 2 } })).toBe("fail");
    expect(judgeOutput({ kind: "json_subset", value: { a: 1 } }, { b: 1 })).toBe("fail");
  });

  it("matches arrays element by element at equal length", () => {
    const value = { items: [{ id: 1 }, { id: 2 }] };
    expect(judgeOutput({ kind: "json_subset", value }, { items: [{ id: 1, x: 0 }, { id: 2 }] })).toBe("pass");
    expect(judgeOutput({ kind: "json_subset", value }, { items: [{ id: 1 }, { id: 2 }, { id: 3 }] })).toBe("fail");
    expect(judgeOutput({ kind: "json_subset", value }, { items: [{ id: 2 }, { id: 1 }] })).toBe("fail");
  });

  it("fails on non-object outputs", () => {
    expect(judgeOutput({ kind: "json_subset", value: {} }, "text")).toBe("fail");
    expect(judgeOutput({ kind: "json_subset", value: {} }, [])).toBe("fail");
    expect(judgeOutput({ kind: "json_subset", value: {} }, null)).toBe("fail");
    expect(judgeOutput({ kind: "json_subset", value: {} }, { anything: 1 })).toBe("pass");
  });
});

describe("judgeOutput: in_top_k", () => {
  it("looks at the first k labels of a ranked array", () => {
    expect(judgeOutput({ kind: "in_top_k", value: "neutral", k: 2 }, ["negative", "neutral", "positive"])).toBe("pass");
    expect(judgeOutput({ kind: "in_top_k", value: "positive", k: 2 }, ["negative", "neutral", "positive"])).toBe("fail");
  });

  it("ranks {label, score} objects by score", () => {
    const output = [
      { label: "positive", score: 0.1 },
      { label: "negative", score: 0.7 },
      { label: "neutral", score: 0.2 },
    ];
    expect(judgeOutput({ kind: "in_top_k", value: "neutral", k: 2 }, output)).toBe("pass");
    expect(judgeOutput({ kind: "in_top_k", value: "positive", k: 2 }, output)).toBe("fail");
  });

  it("fails on non-arrays and empty rankings", () => {
    expect(judgeOutput({ kind: "in_top_k", value: "positive", k: 1 }, "positive")).toBe("fail");
    expect(judgeOutput({ kind: "in_top_k", value: "positive", k: 3 }, [])).toBe("fail");
  });
});

describe("judgeOutput: human", () => {
  it("always waits for a grade", () => {
    expect(judgeOutput({ kind: "human" }, "anything")).toBe("needs_grade");
  });
});
