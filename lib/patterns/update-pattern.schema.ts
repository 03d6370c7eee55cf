import { z } from "zod";
import { expectationSchema } from "@/lib/scoring/expectation.schema";
import { inputKindSchema, patternNameSchema, patternNotesSchema, patternOriginSchema, polaritySchema } from "./pattern-fields.schema";
import { lockVersionSchema } from "@/lib/http/lock-version";

/**
 * A partial edit stating the lockVersion it started from. Changing input,
 * inputKind or expectation makes a new revision; the other fields do not.
 */
export const updatePatternSchema = z.object({
  lockVersion: lockVersionSchema,
  name: patternNameSchema.optional(),
  polarity: polaritySchema.optional(),
  origin: patternOriginSchema.optional(),
  notes: patternNotesSchema.optional(),
  inputKind: inputKindSchema.optional(),
  input: z.json().optional(),
  expectation: expectationSchema.optional(),
});

export type UpdatePattern = z.infer<typeof updatePatternSchema>;
