import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodFields } from "./zod-fields";

const schema = z
  .object({
    name: z.string(),
    title: z.string().min(1),
    code: z.string().min(3).max(5),
    purpose: z.enum(["case", "control"]),
    k: z.number().int().min(1),
    tags: z.array(z.string()).min(1),
    kind: z.literal("text"),
    custom: z.string().min(2, "needs two letters"),
    flag: z.boolean(),
  })
  .strict();

function messages(value: unknown) {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error("expected a failure");
  return Object.fromEntries(zodFields(parsed.error, "body").map((f) => [f.path, f.message]));
}

describe("zodFields", () => {
  it("says what is wrong with each field in plain words, never zod's default wording", () => {
    expect(messages({ title: "", code: "abcdef", purpose: "positive", k: 1.5, tags: [], kind: "json", custom: "x", flag: "yes", extra: 1 })).toEqual({
      "body.name": "is required",
      "body.title": "must not be empty",
      "body.code": "must be at most 5 characters",
      "body.purpose": "must be one of: case, control",
      "body.k": "must be a whole number",
      "body.tags": "must not be empty",
      "body.kind": 'must be "text"',
      "body.custom": "needs two letters",
      "body.flag": "must be true or false",
      "body.extra": "is not a known field",
    });
  });

  it("counts in the right number", () => {
    expect(messages({ name: "n", title: "t", code: "ab", purpose: "case", k: 0, tags: ["a"], kind: "text", custom: "xy", flag: true })).toEqual({
      "body.code": "must be at least 3 characters",
      "body.k": "must be at least 1",
    });
  });
});
