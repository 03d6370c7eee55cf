import { z } from "zod";
import { paginationQuerySchema } from "@/lib/http/pagination";
import { idSchema } from "@/lib/http/id-params";
import { expectationSchema } from "@/lib/scoring/expectation.schema";

// Production capture: an input (and the output the production model gave),
// parked in the project's triage inbox until someone turns it into a pattern.

export const MAX_CAPTURE_BYTES = 1_000_000;

export const createCaptureSchema = z.object({
  input: z.json().refine((v) => v !== null, "is required").describe("The production input: any JSON value (a string for text)"),
  output: z.json().optional().describe("What the production model answered"),
  metadata: z.record(z.string(), z.json()).optional().describe("Free JSON object: request id, model version, user feedback…"),
});
export type CreateCapture = z.infer<typeof createCaptureSchema>;

export const captureStatusSchema = z.enum(["inbox", "triaged", "dismissed"]);

export const listCapturesQuerySchema = paginationQuerySchema.extend({
  status: captureStatusSchema.default("inbox"),
});
export type ListCapturesQuery = z.infer<typeof listCapturesQuerySchema>;

export const triageCaptureSchema = z.object({
  problemId: idSchema,
  name: z.string().trim().min(1, "is required").max(200),
  polarity: z.enum(["positive", "negative"]),
  origin: z.enum(["production", "contrived"]).default("production"),
  expectation: expectationSchema,
  notes: z.string().max(10_000).default(""),
});
export type TriageCapture = z.infer<typeof triageCaptureSchema>;

export const captureResourceSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  status: captureStatusSchema,
  input: z.json(),
  output: z.json().nullable(),
  metadata: z.json().nullable(),
  patternId: z.string().nullable(),
  createdById: z.string().nullable(),
  triagedById: z.string().nullable(),
  triagedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CaptureResource = z.infer<typeof captureResourceSchema>;
