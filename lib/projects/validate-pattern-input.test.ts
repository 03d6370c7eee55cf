import { describe, expect, it } from "vitest";
import { inputSchemaSchema } from "./json-schema-subset";
import { validatePatternInput } from "./validate-pattern-input";

const review = {
  type: "object",
  required: ["text"],
  additionalProperties: false,
  properties: {
    text: { type: "string", minLength: 1, maxLength: 20 },
    stars: { type: "integer", minimum: 1, maximum: 5 },
    lang: { enum: ["en", "es"] },
    tags: { type: "array", items: { type: "string" } },
  },
};

describe("validatePatternInput", () => {
  it("accepts anything when the project has no input schema", () => {
    expect(validatePatternInput({ inputSchema: null }, { whatever: [1, 2] })).toEqual([]);
  });

  it("accepts a valid input", () => {
    expect(validatePatternInput({ inputSchema: review }, { text: "great", stars: 5, lang: "en", tags: ["a"] })).toEqual([]);
  });

  it("names each violation by path", () => {
    const errors = validatePatternInput({ inputSchema: review }, { stars: 7.5, lang: "fr", tags: ["a", 3], extra: true });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "input.text", message: "is required" },
        { path: "input.stars", message: "must be integer (got number)" },
        { path: "input.lang", message: 'must be one of "en", "es"' },
        { path: "input.tags.1", message: "must be string (got integer)" },
        { path: "input.extra", message: "is not allowed" },
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it("checks lengths, bounds and the top-level type", () => {
    expect(validatePatternInput({ inputSchema: review }, { text: "x".repeat(21) })).toEqual([{ path: "input.text", message: "must be at most 20 characters" }]);
    expect(validatePatternInput({ inputSchema: review }, { text: "", stars: 0 })).toEqual([
      { path: "input.text", message: "must not be empty" },
      { path: "input.stars", message: "must be ≥ 1" },
    ]);
    expect(validatePatternInput({ inputSchema: review }, "just text")).toEqual([{ path: "input", message: "must be object (got string)" }]);
    expect(validatePatternInput({ inputSchema: { type: "number" } }, 3)).toEqual([]);
  });
});

describe("inputSchemaSchema (a project's input schema document)", () => {
  it("accepts the supported subset and annotations", () => {
    expect(inputSchemaSchema.safeParse({ $schema: "https://json-schema.org/draft/2020-12/schema", title: "Review", ...review }).success).toBe(true);
  });

  it("refuses unsupported keywords and malformed values, with their path", () => {
    const unsupported = inputSchemaSchema.safeParse({ type: "object", properties: { text: { type: "string", pattern: "^a" } } });
    expect(unsupported.success).toBe(false);
    expect(unsupported.error?.issues[0]?.path).toEqual(["properties", "text", "pattern"]);
    expect(inputSchemaSchema.safeParse({ type: "strng" }).success).toBe(false);
    expect(inputSchemaSchema.safeParse({ minLength: -1 }).success).toBe(false);
    expect(inputSchemaSchema.safeParse([]).success).toBe(false);
  });
});
