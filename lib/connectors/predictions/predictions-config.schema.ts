import { z } from "zod";

/** An uploaded file of outputs, for models that cannot be called. */
export const predictionsConfigSchema = z.object({
  kind: z.literal("predictions"),
  /** File format; omitted: JSONL when the file starts with "{", CSV otherwise. */
  format: z.enum(["csv", "jsonl"]).optional(),
});

export type PredictionsConfig = z.output<typeof predictionsConfigSchema>;
