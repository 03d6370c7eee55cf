import { describe, expect, it } from "vitest";
import { canonicalJson, hashJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts object keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("drops undefined members like JSON.stringify", () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it("serialises primitives", () => {
    expect(canonicalJson("positive")).toBe('"positive"');
    expect(canonicalJson(null)).toBe("null");
  });
});

describe("hashJson", () => {
  it("is the same for equal values in any key order", () => {
    expect(hashJson({ text: "hi", lang: "en" })).toBe(hashJson({ lang: "en", text: "hi" }));
  });

  it("differs for different values and is sha256 hex", () => {
    expect(hashJson({ text: "hi" })).not.toBe(hashJson({ text: "Hi" }));
    expect(hashJson("x")).toMatch(/^[0-9a-f]{64}$/);
  });
});
