import { z } from "zod";
import { compileMatchPattern } from "./match-pattern";

// The expectation JSON of a pattern revision (DESIGN.md "Expectations are JSON objects").

const jsonValueSchema = z.json();


export const equalsExpectationSchema = z.object({ kind: z.literal("equals"), value: jsonValueSchema });
export const notEqualsExpectationSchema = z.object({ kind: z.literal("not_equals"), value: jsonValueSchema });
export const oneOfExpectationSchema = z.object({
  kind: z.literal("one_of"),
  values: z.array(jsonValueSchema).min(1, "one_of needs at least one value"),
});
export const withinExpectationSchema = z.object({
  kind: z.literal("within"),
  value: z.number(),
  abs: z.number().min(0).optional(),
  rel: z.number().min(0).optional(),
});
export const containsExpectationSchema = z.object({ kind: z.literal("contains"), value: z.string() });
export const matchesExpectationSchema = z.object({
  kind: z.literal("matches"),
  pattern: z.string().superRefine((pattern, ctx) => {
    const compiled = compileMatchPattern(pattern);
    if (!compiled.ok) ctx.addIssue({ code: "custom", message: compiled.message });
  }),
});
export const jsonSubsetExpectationSchema = z.object({
  kind: z.literal("json_subset"),
  value: z.record(z.string(), jsonValueSchema),
});
export const inTopKExpectationSchema = z.object({
  kind: z.literal("in_top_k"),
  value: jsonValueSchema,
  k: z.number().int().min(1),
});
export const humanExpectationSchema = z.object({ kind: z.literal("human") });

export const expectationSchema = z.discriminatedUnion("kind", [
  equalsExpectationSchema,
  notEqualsExpectationSchema,
  oneOfExpectationSchema,
  withinExpectationSchema,
  containsExpectationSchema,
  matchesExpectationSchema,
  jsonSubsetExpectationSchema,
  inTopKExpectationSchema,
  humanExpectationSchema,
]);

export type Expectation = z.infer<typeof expectationSchema>;
export type ExpectationKind = Expectation["kind"];
