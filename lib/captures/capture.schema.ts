import { z } from "zod";
import { paginationQuerySchema } from "@/lib/http/pagination";
import { idSchema } from "@/lib/http/id-params";
import { expectationSchema } from "@/lib/scoring/expectation.schema";
import { purposeFields, resolvePurpose } from "@/lib/patterns/pattern-purpose";

// Production capture: an input (and the output the production model gave),
// parked in the project's triage inbox until someone turns it into a pattern.

export const MAX_CAPTURE_BYTES = 1_000_000;

/** Unknown top-level fields are refused (422), so a misspelt `rating` or `note` is never dropped in silence. */
export const createCaptureSchema = z
  .object({
    input: z.json().refine((v) => v !== null, "is required").describe("The production input: any JSON value (a string for text)"),
    output: z.json().optional().describe("What the production model answered"),
    rating: z.number().min(-1_000_000).max(1_000_000).optional().describe("The end user's rating of the output (e.g. 1–5 stars, or -1/1 thumbs); after-release drift charts read it"),
    note: z.string().max(10_000).optional().describe("What the end user or sender said about it; triage copies it into the pattern's notes"),
    metadata: z.record(z.string(), z.json()).optional().describe("Free JSON object: request id, model version…; triage copies it into the pattern's notes"),
  })
  .strict();
export type CreateCapture = z.infer<typeof createCaptureSchema>;

export const captureStatusSchema = z.enum(["inbox", "triaged", "dismissed"]);

export const listCapturesQuerySchema = paginationQuerySchema.extend({
  status: captureStatusSchema.default("inbox"),
});
export type ListCapturesQuery = z.infer<typeof listCapturesQuerySchema>;

export const triageCaptureSchema = z
  .object({
    problemId: idSchema,
    name: z.string().trim().min(1, "is required").max(200),
    ...purposeFields,
    origin: z.enum(["production", "contrived"]).default("production"),
    expectation: expectationSchema,
    notes: z.string().max(10_000).default("").describe("The pattern's notes; the capture's note, rating and metadata are appended"),
  })
  .transform(resolvePurpose(undefined));
export type TriageCapture = z.output<typeof triageCaptureSchema>;

export const captureResourceSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  status: captureStatusSchema,
  input: z.json(),
  output: z.json().nullable(),
  metadata: z.json().nullable(),
  rating: z.number().nullable(),
  note: z.string().nullable(),
  patternId: z.string().nullable(),
  createdById: z.string().nullable(),
  triagedById: z.string().nullable(),
  triagedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CaptureResource = z.infer<typeof captureResourceSchema>;
