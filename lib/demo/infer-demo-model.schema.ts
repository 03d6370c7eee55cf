import { z } from "zod";

// Open Inference Protocol (KServe v2) inference request, as the demo model accepts it:
// one BYTES input named "text" with one review per element.

export const DEMO_MODEL_OUTPUT_NAMES = ["label", "scores", "ranked_labels"] as const;
export const MAX_DEMO_BATCH = 512;
export const MAX_DEMO_TEXT_LENGTH = 20_000;

const inferInputSchema = z.object({
  name: z.string().min(1),
  shape: z.array(z.number().int().min(0)).min(1),
  datatype: z.string(),
  data: z.array(z.unknown()),
  parameters: z.record(z.string(), z.unknown()).optional(),
});

export const inferDemoModelRequestSchema = z
  .object({
    id: z.string().max(200).optional(),
    inputs: z.array(inferInputSchema).min(1, "at least one input is required"),
    outputs: z.array(z.object({ name: z.enum(DEMO_MODEL_OUTPUT_NAMES) })).optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((request, ctx) => {
    const index = request.inputs.findIndex((input) => input.name === "text");
    if (index === -1) {
      ctx.addIssue({ code: "custom", path: ["inputs"], message: 'an input named "text" is required' });
      return;
    }
    const input = request.inputs[index]!;
    const path = ["inputs", index];
    if (input.datatype !== "BYTES") ctx.addIssue({ code: "custom", path: [...path, "datatype"], message: 'must be "BYTES"' });
    const elements = input.shape.reduce((product, size) => product * size, 1);
    if (input.shape.length > 2 || (input.shape.length === 2 && input.shape[1] !== 1)) {
      ctx.addIssue({ code: "custom", path: [...path, "shape"], message: "must be [n] or [n, 1]" });
    } else if (elements !== input.data.length) {
      ctx.addIssue({ code: "custom", path: [...path, "shape"], message: `shape holds ${elements} elements but data has ${input.data.length}` });
    }
    if (input.data.length > MAX_DEMO_BATCH) {
      ctx.addIssue({ code: "custom", path: [...path, "data"], message: `at most ${MAX_DEMO_BATCH} texts per request` });
    }
    input.data.forEach((text, i) => {
      if (typeof text !== "string") ctx.addIssue({ code: "custom", path: [...path, "data", i], message: "must be a string" });
      else if (text.length > MAX_DEMO_TEXT_LENGTH) {
        ctx.addIssue({ code: "custom", path: [...path, "data", i], message: `at most ${MAX_DEMO_TEXT_LENGTH} characters` });
      }
    });
  });

export type InferDemoModelRequest = z.infer<typeof inferDemoModelRequestSchema>;
