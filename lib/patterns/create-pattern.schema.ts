import { z } from "zod";
import { expectationSchema } from "@/lib/scoring/expectation.schema";
import {
  inputKindIssues,
  inputKindSchema,
  patternNameSchema,
  patternNotesSchema,
  patternOriginSchema,
} from "./pattern-fields.schema";
import { purposeFields, resolvePurpose } from "./pattern-purpose";

/**
 * The fields of a new pattern before the input-suits-its-kind check and the
 * purpose alias (import extends it with `problem`; finish with refineInputForKind
 * and resolvePurpose("case")).
 */
export const patternFieldsSchema = z.object({
  name: patternNameSchema,
  ...purposeFields,
  origin: patternOriginSchema.default("contrived"),
  notes: patternNotesSchema.default(""),
  inputKind: inputKindSchema.default("json"),
  /** JSON value; a string for text; { attachmentId } for images. */
  input: z.json(),
  expectation: expectationSchema,
});

export function refineInputForKind(value: { inputKind: z.infer<typeof inputKindSchema>; input: unknown }, ctx: z.RefinementCtx) {
  for (const issue of inputKindIssues(value.inputKind, value.input)) ctx.addIssue({ code: "custom", path: ["input", ...issue.path], message: issue.message });
}

export const createPatternSchema = patternFieldsSchema.superRefine(refineInputForKind).transform(resolvePurpose("case"));

export type CreatePatternInput = z.input<typeof createPatternSchema>;
export type CreatePattern = z.output<typeof createPatternSchema>;
