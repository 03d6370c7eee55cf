import { z } from "zod";
import { headersSchema, httpUrlSchema, jsonPathSchema, labelsSchema, maxBatchSizeSchema, nameSchema } from "../shared/config-fields.schema";

/** MLflow model server (`mlflow models serve`). */
export const mlflowConfigSchema = z.object({
  kind: z.literal("mlflow"),
  /** Server root; requests go to `{baseUrl}/invocations`. */
  baseUrl: httpUrlSchema,
  /**
   * `dataframe_records`: `{ dataframe_records: [row, …] }`, each row the input object
   * (a non-object input becomes `{ [column]: input }`). `inputs`: `{ inputs: [input, …] }` (tensor input).
   */
  format: z.enum(["dataframe_records", "inputs"]).default("dataframe_records"),
  /** Column name for non-object inputs in dataframe_records format. */
  column: nameSchema.default("text"),
  /** Where each row is in the pattern input (JSON path); omitted: the whole input. */
  inputPath: jsonPathSchema.optional(),
  /** Where the output is inside each element of `predictions` (JSON path); default `$`. */
  outputPath: jsonPathSchema.default("$"),
  /** Class names in score (and class id) order. */
  labels: labelsSchema.optional(),
  maxBatchSize: maxBatchSizeSchema(32),
  headers: headersSchema,
});

export type MlflowConfig = z.output<typeof mlflowConfigSchema>;
