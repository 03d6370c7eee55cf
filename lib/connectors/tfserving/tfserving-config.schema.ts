import { z } from "zod";
import { headersSchema, httpUrlSchema, jsonPathSchema, labelsSchema, maxBatchSizeSchema, nameSchema } from "../shared/config-fields.schema";

/** TensorFlow Serving REST / KServe v1 predict protocol. */
export const tfServingConfigSchema = z.object({
  kind: z.literal("tfserving"),
  /** Server root; requests go to `{baseUrl}/v1/models/{model}[/versions/{version}]:predict`. */
  baseUrl: httpUrlSchema,
  model: nameSchema,
  /** Numeric model version; omitted: the server's latest. */
  version: z.string().trim().regex(/^\d+$/, "must be a number").optional(),
  /** Where each instance is in the pattern input (JSON path); omitted: the whole input. */
  inputPath: jsonPathSchema.optional(),
  /** Wrap each instance as `{ [instanceKey]: value }` (named inputs); omitted: send as is. */
  instanceKey: nameSchema.optional(),
  /** Where the output is inside each element of `predictions` (JSON path); default `$`. */
  outputPath: jsonPathSchema.default("$"),
  /** Class names in score (and class id) order: a score vector becomes the best label (ranked for in_top_k), a class id its name. */
  labels: labelsSchema.optional(),
  maxBatchSize: maxBatchSizeSchema(32),
  headers: headersSchema,
});

export type TfServingConfig = z.output<typeof tfServingConfigSchema>;
