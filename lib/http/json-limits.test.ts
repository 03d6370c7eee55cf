import { describe, expect, it } from "vitest";
import { findUnstorableTextPath, isStorableText, jsonDepthExceeds } from "./json-limits";

describe("jsonDepthExceeds", () => {
  it("counts arrays and objects, not brackets inside strings or escaped quotes", () => {
    expect(jsonDepthExceeds("[[[]]]", 3)).toBe(false);
    expect(jsonDepthExceeds("[[[[]]]]", 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":{"b":[1]}}', 2)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[","b":"\\"[[[["}', 1)).toBe(false);
    expect(jsonDepthExceeds(`[${"[]".repeat(10_000)}]`, 2)).toBe(false);
  });
});

describe("findUnstorableTextPath", () => {
  it("names the first string or key holding NUL or a lone surrogate", () => {
    expect(findUnstorableTextPath({ a: ["ok", "x\u0000"] }, "body")).toBe("body.a.1");
    expect(findUnstorableTextPath({ a: { "k\u0000": 1 } }, "body")).toBe("body.a.k\\u0000");
    expect(findUnstorableTextPath({ a: "\ud800" }, "body")).toBe("body.a");
    expect(findUnstorableTextPath({ a: "😀 fine", b: [1, null, true] }, "body")).toBeNull();
    expect(isStorableText("\udfff\ud800")).toBe(false);
    expect(isStorableText("\ud83d\ude00")).toBe(true);
  });
});
