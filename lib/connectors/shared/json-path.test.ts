import { describe, expect, it } from "vitest";
import { parseJsonPath, readJsonPath } from "./json-path";

describe("JSON path", () => {
  it("parses dotted, bracketed and indexed steps", () => {
    expect(parseJsonPath("$")).toEqual([]);
    expect(parseJsonPath(`$.a["b c"][2]['d\\'e']`)).toEqual(["a", "b c", 2, "d'e"]);
    expect(parseJsonPath("a.b")).toEqual({ error: 'must start with "$"' });
    expect(parseJsonPath("$.a..b")).toHaveProperty("error");
    expect(parseJsonPath("$[*]")).toHaveProperty("error");
  });

  it("reads values and says when they are missing", () => {
    const value = { a: { list: [{ label: "x" }, { label: null }] }, "odd key": 1 };
    expect(readJsonPath(value, "$.a.list[0].label")).toEqual({ found: true, value: "x" });
    expect(readJsonPath(value, "$.a.list[1].label")).toEqual({ found: true, value: null });
    expect(readJsonPath(value, `$["odd key"]`)).toEqual({ found: true, value: 1 });
    expect(readJsonPath(value, "$.a.list[2]")).toEqual({ found: false });
    expect(readJsonPath(value, "$.a.missing")).toEqual({ found: false });
    expect(readJsonPath("text", "$.length")).toEqual({ found: false });
    expect(readJsonPath([1], "$[0]")).toEqual({ found: true, value: 1 });
    expect(readJsonPath(value, "$")).toEqual({ found: true, value });
  });

  it("does not walk the prototype", () => {
    expect(readJsonPath({}, "$.constructor")).toEqual({ found: false });
    expect(readJsonPath({}, "$.__proto__")).toEqual({ found: false });
  });

  it("throws on an invalid path", () => {
    expect(() => readJsonPath({}, "a")).toThrow(/invalid JSON path/);
  });
});
