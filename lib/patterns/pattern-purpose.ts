import { z } from "zod";

// A pattern's purpose (DESIGN.md): `case` is an instance of the problem, which the
// model should get right once the problem is fixed; `control` is a look-alike that is
// not the problem, which the model must keep getting right. It was called polarity
// (positive / negative) until issue 15, which read like a sentiment label; input still
// accepts `polarity` for one release, output never carries it.

export const PATTERN_PURPOSES = ["case", "control"] as const;
export const patternPurposeSchema = z
  .enum(PATTERN_PURPOSES)
  .describe("case: an instance of the problem (the model should get it right once the problem is fixed); control: a look-alike that is not the problem (the model must keep getting it right)");
export type PatternPurpose = z.infer<typeof patternPurposeSchema>;

export const PURPOSE_OF_POLARITY = { positive: "case", negative: "control" } as const satisfies Record<string, PatternPurpose>;
export const deprecatedPolaritySchema = z
  .enum(["positive", "negative"])
  .meta({ deprecated: true, description: "Deprecated alias of purpose, accepted for one release: positive = case, negative = control. Responses carry only purpose; giving both with different meanings is a 422." });

/** The `purpose` field with its deprecated `polarity` alias, both optional: spread into an input object schema and finish it with `resolvePurpose`. */
export const purposeFields = { purpose: patternPurposeSchema.optional(), polarity: deprecatedPolaritySchema.optional() };

type WithAlias = { purpose?: PatternPurpose | undefined; polarity?: keyof typeof PURPOSE_OF_POLARITY | undefined };

/**
 * A transform that folds `polarity` into `purpose`: the alias is mapped, a disagreement is an
 * issue at `polarity`, and neither given means `fallback` (or "is required" at `purpose` without one).
 */
export function resolvePurpose(fallback: PatternPurpose | undefined) {
  return <T extends WithAlias>(value: T, ctx: z.RefinementCtx): Omit<T, "polarity" | "purpose"> & { purpose: PatternPurpose } => {
    const { polarity, purpose, ...rest } = value;
    const aliased = polarity === undefined ? undefined : PURPOSE_OF_POLARITY[polarity];
    if (purpose !== undefined && aliased !== undefined && purpose !== aliased) {
      ctx.addIssue({ code: "custom", path: ["polarity"], message: `"${polarity}" means ${aliased}, but purpose is "${purpose}"; polarity is a deprecated alias of purpose: send purpose only` });
      return z.NEVER;
    }
    const resolved = purpose ?? aliased ?? fallback;
    if (resolved === undefined) {
      ctx.addIssue({ code: "custom", path: ["purpose"], message: "is required (case or control)" });
      return z.NEVER;
    }
    return { ...rest, purpose: resolved };
  };
}

/** The same for a partial edit: `purpose` stays absent when neither field is given. */
export function resolveOptionalPurpose<T extends WithAlias>(value: T, ctx: z.RefinementCtx): Omit<T, "polarity" | "purpose"> & { purpose?: PatternPurpose } {
  if (value.purpose === undefined && value.polarity === undefined) {
    const { polarity: _polarity, purpose: _purpose, ...rest } = value;
    return rest;
  }
  return resolvePurpose(undefined)(value, ctx);
}

/** DESIGN.md's meaning of each purpose, in one sentence for form hints and badges' titles. */
export const PURPOSE_MEANING: Record<PatternPurpose, string> = {
  case: "An instance of the problem: the model should get it right once the problem is fixed.",
  control: "A look-alike that is not the problem: the model must keep getting it right.",
};
