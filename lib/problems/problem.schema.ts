import { z } from "zod";
import { idSchema } from "@/lib/http/id-params";
import { lockVersionSchema } from "@/lib/http/lock-version";

// Request and response shapes of /api/v1/problems (DESIGN.md's field names).

export const severitySchema = z.enum(["critical", "high", "medium", "low"]);
export const problemStatusSchema = z.enum(["open", "monitoring", "resolved", "wont_fix"]);

const problemFields = {
  title: z.string().trim().min(1, "is required").max(200),
  description: z.string().max(20_000),
  severity: severitySchema,
  status: problemStatusSchema,
  target: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").describe("Highest error rate (0–1) at which the problem may be signed off"),
  origin: z.string().trim().max(200).describe("Where it came from: client report, production incident, QA, …"),
  ownerId: idSchema.nullable().describe("A user id, or null for nobody"),
  ratchet: z.boolean().describe("When a version goes to production, lower the target to its error rate on this problem if that is lower"),
};

export const createProblemSchema = z.object({
  title: problemFields.title,
  description: problemFields.description.default(""),
  severity: problemFields.severity,
  status: problemFields.status.default("open"),
  target: problemFields.target,
  origin: problemFields.origin.default(""),
  ownerId: problemFields.ownerId.default(null),
  ratchet: problemFields.ratchet.default(false),
});
export type CreateProblem = z.infer<typeof createProblemSchema>;

export const updateProblemSchema = z.object({
  /** The version the edit started from; a stale one gets 409 with the current problem. */
  lockVersion: lockVersionSchema,
  title: problemFields.title.optional(),
  description: problemFields.description.optional(),
  severity: problemFields.severity.optional(),
  status: problemFields.status.optional(),
  target: problemFields.target.optional(),
  origin: problemFields.origin.optional(),
  ownerId: problemFields.ownerId.optional(),
  ratchet: problemFields.ratchet.optional(),
});
export type UpdateProblem = z.infer<typeof updateProblemSchema>;

export const problemResourceSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  key: z.string().describe('"<keyPrefix>-<number>", e.g. SENT-6'),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  severity: severitySchema,
  status: problemStatusSchema,
  target: z.number(),
  origin: z.string(),
  ownerId: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  ratchet: z.boolean(),
  lockVersion: z.number().int(),
  createdAt: z.string().describe("ISO 8601"),
  updatedAt: z.string().describe("ISO 8601"),
});
export type ProblemResource = z.infer<typeof problemResourceSchema>;

export const coverageHintSchema = z.enum(["too_few_patterns", "too_many_patterns", "no_control_pattern", "no_production_pattern"]);
export type CoverageHint = z.infer<typeof coverageHintSchema>;

export const problemListItemSchema = problemResourceSchema.extend({
  patternCount: z.number().int().describe("Patterns that are not archived"),
  patternCounts: z.object({ total: z.number().int(), control: z.number().int(), production: z.number().int() }),
  coverageHints: z.array(coverageHintSchema),
});
export type ProblemListItemResource = z.infer<typeof problemListItemSchema>;

export const problemHistoryEntrySchema = z.object({
  id: z.string(),
  action: z.enum(["problem.create", "problem.update", "problem.ratchet"]).describe("problem.ratchet: a promotion to production tightened the target"),
  createdAt: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  modelVersion: z
    .object({ id: z.string(), name: z.string(), version: z.string() })
    .nullable()
    .describe("problem.ratchet: the version whose promotion tightened the target"),
});
export type ProblemHistoryEntry = z.infer<typeof problemHistoryEntrySchema>;
