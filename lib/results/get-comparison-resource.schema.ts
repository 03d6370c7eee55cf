import { z } from "zod";
import { expectationSchema } from "@/lib/scoring/expectation.schema";

// Query and response of GET /api/v1/models/{modelId}/compare (DESIGN.md "compare").

export const comparisonQuerySchema = z.object({
  /** Default: the project's production version, else the version registered just before (chooseBaseline). */
  baseline: z.string().trim().min(1).max(100).optional().describe("Model version id to compare with; default: production, else the version registered before"),
  include: z.enum(["flips"]).optional().describe("`flips`: list each problem's flipped patterns (input, expectation, both outputs)"),
});
export type ComparisonQuery = z.infer<typeof comparisonQuerySchema>;

const versionSchema = z.object({ id: z.string(), name: z.string(), version: z.string(), status: z.enum(["candidate", "production", "retired", "rejected"]) });

const rateSchema = z.object({
  passed: z.number().int(),
  failed: z.number().int(),
  errored: z.number().int(),
  ungraded: z.number().int(),
  n: z.number().int().describe("passed + failed"),
  errorRate: z.number().nullable(),
  low: z.number().describe("95% Wilson interval"),
  high: z.number(),
});

const verdictSchema = z.enum(["better", "worse", "unchanged", "inconclusive"]);

export const flippedPatternSchema = z.object({
  problemId: z.string(),
  patternId: z.string(),
  patternRevisionId: z.string(),
  name: z.string(),
  purpose: z.enum(["case", "control"]),
  flip: z.enum(["fixed", "broken"]).describe("fixed: fail → pass; broken: pass → fail"),
  inputKind: z.enum(["json", "text", "image"]),
  input: z.unknown().describe("The revision's input: JSON, text, or {\"attachmentId\"} for images"),
  image: z.object({ url: z.string(), thumbnailUrl: z.string() }).nullable().describe("Image inputs: where the app serves the image and its thumbnail"),
  expectation: expectationSchema,
  baseline: z.object({ output: z.unknown(), verdict: z.enum(["pass", "fail"]) }),
  candidate: z.object({ output: z.unknown(), verdict: z.enum(["pass", "fail"]) }),
});
export type FlippedPattern = z.infer<typeof flippedPatternSchema>;

export const problemComparisonResourceSchema = z.object({
  problemId: z.string(),
  key: z.string(),
  title: z.string(),
  severity: z.enum(["critical", "high", "medium", "low"]),
  status: z.enum(["open", "monitoring", "resolved", "wont_fix"]),
  target: z.number(),
  paired: z.number().int().describe("Current patterns with pass or fail on both versions"),
  fixed: z.number().int().describe("fail → pass"),
  broken: z.number().int().describe("pass → fail"),
  bothPass: z.number().int(),
  bothFail: z.number().int(),
  unpaired: z.number().int().describe("Current patterns with an error, a pending grade or no result on either side"),
  baselineErrorRate: z.number().nullable(),
  candidateErrorRate: z.number().nullable(),
  baseline: rateSchema,
  candidate: rateSchema,
  pValue: z.number().describe("Exact two-sided McNemar test on (broken, fixed)"),
  verdict: verdictSchema.describe("better / worse: p < alpha; inconclusive: the unpaired patterns could still tip it"),
  flips: z.array(flippedPatternSchema).optional().describe("With ?include=flips"),
});
export type ProblemComparisonResource = z.infer<typeof problemComparisonResourceSchema>;

export const comparisonResourceSchema = z.object({
  projectId: z.string(),
  candidate: versionSchema,
  baseline: versionSchema,
  baselineReason: z.enum(["production", "previous", "requested"]).describe("Why this baseline: the production version, the version before, or ?baseline="),
  alpha: z.number().describe("The project's significance level"),
  problems: z.array(problemComparisonResourceSchema).describe("Worst first"),
  summary: z.object({
    better: z.number().int(),
    worse: z.number().int(),
    unchanged: z.number().int(),
    inconclusive: z.number().int(),
    fixed: z.number().int(),
    broken: z.number().int(),
    paired: z.number().int(),
    unpaired: z.number().int(),
  }),
});
export type ComparisonResource = z.infer<typeof comparisonResourceSchema>;
