import { z } from "zod";
import { jsonPathSchema, labelsSchema, maxBatchSizeSchema, nameSchema } from "../shared/config-fields.schema";

export const onnxTensorTypeSchema = z.enum(["float32", "float64", "int32", "int64"]);

/** An uploaded `.onnx` model, run in-process with onnxruntime-node on worker threads. */
export const onnxConfigSchema = z
  .object({
    kind: z.literal("onnx"),
    /** Input tensor name. */
    inputName: nameSchema,
    /** Element type of the input tensor. */
    inputType: onnxTensorTypeSchema.default("float32"),
    /** Where the number array of each item is in the pattern input (JSON path); default: the whole input. */
    inputPath: jsonPathSchema.default("$"),
    /** Output holding the label (or class id, or value) per item. */
    labelOutput: nameSchema.optional(),
    /** Output of per-class probabilities, shape [n, classes]; ranked for in_top_k, argmax when there is no `labelOutput`. */
    probabilitiesOutput: nameSchema.optional(),
    /** Class names in probability column order (also maps integer class ids to names). */
    labels: labelsSchema.optional(),
    maxBatchSize: maxBatchSizeSchema(64, 4096),
  })
  .superRefine((config, ctx) => {
    if (!config.labelOutput && !config.probabilitiesOutput) {
      ctx.addIssue({ code: "custom", path: ["labelOutput"], message: "set labelOutput and/or probabilitiesOutput" });
    }
  });

export type OnnxConfig = z.output<typeof onnxConfigSchema>;
