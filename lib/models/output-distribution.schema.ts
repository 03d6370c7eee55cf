import { z } from "zod";

// GET /api/v1/models/{modelId}/output-distribution: the shape is fixed (issue 14), other tools read it.

/** Most buckets of a label or text distribution beyond the project's labels; more values count in `total` only. */
export const MAX_DISTRIBUTION_BUCKETS = 50;
/** Most bins of a number histogram. */
export const MAX_HISTOGRAM_BINS = 20;
/** Outputs of a text distribution are shown up to this many characters (the bucket still counts the whole output). */
export const MAX_BUCKET_TEXT = 200;

export const outputDistributionKindSchema = z.enum(["label", "number", "text"]);

export const outputDistributionSchema = z
  .object({
    kind: outputDistributionKindSchema.describe("label for label projects, number for number projects, text for text and json projects (a JSON output counts as its canonical JSON text)"),
    total: z.number().int().describe("Outputs counted: the version's results on the current revisions of non-archived patterns, errors and missing outputs left out; number: numeric outputs only"),
    buckets: z
      .array(
        z.object({
          value: z
            .union([z.string(), z.number()])
            .describe(
              "label: the label (a ranking counts as its best entry; every project label is listed, 0 when unused, then other answers as their text). number: the bin's lower bound; bins are equal-width and consecutive, the last one closed at the largest output. text: one exact output, the commonest first (cut at 200 characters)",
            ),
          count: z.number().int(),
        }),
      )
      .describe("label: project labels in their order, then other answers by count (at most 50 of them); number: at most 20 bins; text: the 50 commonest outputs. Values beyond the cap count in total only"),
  })
  .describe("Distribution of a model version's outputs over the current pattern set");
export type OutputDistribution = z.infer<typeof outputDistributionSchema>;
