import { z } from "zod";

/** Weeks the capture drift chart covers, the current one last. */
export const DRIFT_WEEKS = 12;
/** A week with fewer captured outputs gets no shift: a handful of outputs says nothing about a distribution. */
export const MIN_DRIFT_OUTPUTS = 5;
/** Most captured outputs of one week read for its shift (the latest ones). */
export const MAX_DRIFT_OUTPUTS_PER_WEEK = 5_000;

export const captureDriftWeekSchema = z.object({
  week: z.string().describe("Monday (UTC) the week starts on, YYYY-MM-DD"),
  captures: z.number().int(),
  rated: z.number().int(),
  ratedBad: z.number().int(),
  badShare: z.number().nullable().describe("ratedBad / rated; null when nothing was rated"),
  outputs: z.number().int().describe("Captures that carry an output"),
  shift: z.number().nullable().describe("Shift of the week's captured outputs from the production version's outputs on the pattern set (0–1); null under 5 outputs or without a production version"),
});
export type CaptureDriftWeek = z.infer<typeof captureDriftWeekSchema>;

export const captureDriftSchema = z.object({
  statistic: z.enum(["jensen_shannon", "ks"]),
  threshold: z.number().nullable(),
  productionVersion: z.object({ id: z.string(), name: z.string(), version: z.string() }).nullable(),
  ratingScale: z.enum(["thumbs", "stars"]).describe("stars when any rating is above 1 (bad: 2 or less), else thumbs (bad: below 0)"),
  weeks: z.array(captureDriftWeekSchema),
});
export type CaptureDrift = z.infer<typeof captureDriftSchema>;
