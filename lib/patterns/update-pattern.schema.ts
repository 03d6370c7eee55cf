import { z } from "zod";
import { expectationSchema } from "@/lib/scoring/expectation.schema";
import { inputKindSchema, patternNameSchema, patternNotesSchema, patternOriginSchema } from "./pattern-fields.schema";
import { purposeFields, resolveOptionalPurpose } from "./pattern-purpose";
import { lockVersionSchema } from "@/lib/http/lock-version";

/**
 * A partial edit stating the lockVersion it started from. Changing input,
 * inputKind or expectation makes a new revision; the other fields do not.
 */
export const updatePatternSchema = z
  .object({
    lockVersion: lockVersionSchema,
    name: patternNameSchema.optional(),
    ...purposeFields,
    origin: patternOriginSchema.optional(),
    notes: patternNotesSchema.optional(),
    inputKind: inputKindSchema.optional(),
    input: z.json().optional(),
    expectation: expectationSchema.optional(),
  })
  .transform(resolveOptionalPurpose);

export type UpdatePattern = z.output<typeof updatePatternSchema>;
