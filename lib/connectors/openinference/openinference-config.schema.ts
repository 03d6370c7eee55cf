import { z } from "zod";
import { headersSchema, httpUrlSchema, jsonPathSchema, labelsSchema, maxBatchSizeSchema, nameSchema } from "../shared/config-fields.schema";

/** Open Inference Protocol / KServe v2 (Triton, MLServer, KServe, Seldon). */
export const openInferenceConfigSchema = z
  .object({
    kind: z.literal("openinference"),
    /** Server root; requests go to `{baseUrl}/v2/models/{model}[/versions/{version}]/infer`. */
    baseUrl: httpUrlSchema,
    /** Model name on the server. */
    model: nameSchema,
    /** Model version on the server; omitted: the server's default version. */
    version: nameSchema.optional(),
    /** Name of the input tensor. */
    inputName: nameSchema.default("text"),
    /** Tensor datatype: BYTES for text (each item one string), numeric types for feature vectors. */
    inputDatatype: z.enum(["BYTES", "FP32", "FP64", "INT32", "INT64", "BOOL"]).default("BYTES"),
    /**
     * Where each item's value is in the pattern input (JSON path). Omitted: the input's
     * field named like `inputName` when the input is an object that has it, else the whole input.
     */
    inputPath: jsonPathSchema.optional(),
    /** Output tensor holding the answer (label, class id, number, text); one row per item. */
    outputName: nameSchema.optional(),
    /** Output tensor of per-class scores (shape [n, classes]); ranked for in_top_k, argmax when there is no `outputName`. */
    scoresName: nameSchema.optional(),
    /** Class names in score column (and class id) order; omitted: the response's `parameters.labels` for scores. */
    labels: labelsSchema.optional(),
    /** Output tensor of labels already ranked best first (shape [n, k]); used for in_top_k. */
    rankedLabelsName: nameSchema.optional(),
    /** Items per inference request. */
    maxBatchSize: maxBatchSizeSchema(32),
    /** Extra request headers; values may use {{secret.NAME}}. */
    headers: headersSchema,
  })
  .superRefine((config, ctx) => {
    if (!config.outputName && !config.scoresName && !config.rankedLabelsName) {
      ctx.addIssue({ code: "custom", path: ["outputName"], message: "set outputName, scoresName or rankedLabelsName" });
    }
  });

export type OpenInferenceConfig = z.output<typeof openInferenceConfigSchema>;
