import { z } from "zod";
import { gatePolicySchema } from "@/lib/gate/gate-policy.schema";
import { inputSchemaSchema } from "./json-schema-subset";
import { lockVersionSchema } from "@/lib/http/lock-version";

// Request and response shapes of /api/v1/projects (DESIGN.md's field names).

/** Paths under /projects/ that are pages, not projects. */
const RESERVED_SLUGS = new Set(["new"]);

export const slugSchema = z
  .string()
  .trim()
  .min(2, "must be at least 2 characters")
  .max(60, "must be at most 60 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase-kebab (a-z, 0-9 and single hyphens)")
  .refine((s) => !RESERVED_SLUGS.has(s), "is reserved");
export const keyPrefixSchema = z.string().trim().regex(/^[A-Z]{2,8}$/, "must be 2–8 capital letters A–Z");
export const outputKindSchema = z.enum(["label", "number", "text", "json"]);
const labelsSchema = z
  .array(z.string().trim().min(1, "must not be empty").max(100))
  .max(500)
  .refine((labels) => new Set(labels).size === labels.length, "must not repeat a label");
/** A label project's outputs are judged against its labels: without them no expectation or connector can name one. */
export const LABELS_REQUIRED = "are required for a label project: list the labels the model answers with";
/** Significance level of comparisons: above 0.5 "significant" would mean nothing. */
export const alphaSchema = z.number().gt(0, "must be greater than 0").max(0.5, "must be at most 0.5");
/** Capture drift alert: a shift (0–1) above this; null turns the alert off. */
export const driftThresholdSchema = z.number().gt(0, "must be greater than 0").max(1, "must be at most 1").nullable();
/** Model age warning: a production version older than this many days; null turns it off. */
export const maxModelAgeDaysSchema = z.number().int("must be a whole number of days").min(1, "must be at least 1 day").max(3650, "must be at most 3650 days").nullable();

const projectFields = {
  name: z.string().trim().min(1, "is required").max(120),
  slug: slugSchema,
  outputKind: outputKindSchema,
  description: z.string().max(5000),
  keyPrefix: keyPrefixSchema,
  labels: labelsSchema,
  inputSchema: inputSchemaSchema.nullable(),
  alpha: alphaSchema,
};

export const createProjectSchema = z.object({
  name: projectFields.name,
  slug: projectFields.slug,
  outputKind: projectFields.outputKind,
  description: projectFields.description.default(""),
  /** Default: from the name ("Review sentiment" → "RS"). */
  keyPrefix: projectFields.keyPrefix.optional(),
  labels: projectFields.labels.default([]).describe("The labels a label project's model answers with; at least one when outputKind is label (else 422 at body.labels)"),
  inputSchema: projectFields.inputSchema.default(null),
  alpha: projectFields.alpha.default(0.05),
}).superRefine((project, ctx) => {
  if (project.outputKind === "label" && project.labels.length === 0) ctx.addIssue({ code: "custom", path: ["labels"], message: LABELS_REQUIRED });
});
export type CreateProject = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z.object({
  /** The version the edit started from; a stale one gets 409 with the current project. */
  lockVersion: lockVersionSchema,
  name: projectFields.name.optional(),
  slug: projectFields.slug.optional(),
  outputKind: projectFields.outputKind.optional(),
  description: projectFields.description.optional(),
  keyPrefix: projectFields.keyPrefix.optional(),
  labels: projectFields.labels.optional().describe("A label project keeps at least one (else 422 at body.labels)"),
  inputSchema: projectFields.inputSchema.optional(),
  /** Replaces the whole policy; fields left out take their defaults. */
  gatePolicy: gatePolicySchema.optional().describe("Release gate policy; fields left out take their defaults"),
  alpha: projectFields.alpha.optional(),
  driftThreshold: driftThresholdSchema.optional().describe("Capture drift alert above this weekly shift (0–1, Jensen–Shannon distance for labels, KS for numbers and text lengths); null: off"),
  maxModelAgeDays: maxModelAgeDaysSchema.optional().describe("Warn when the production version is older than this many days (from its training date, else registration); null: off"),
});
export type UpdateProject = z.infer<typeof updateProjectSchema>;

export const projectResourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  outputKind: outputKindSchema,
  description: z.string(),
  keyPrefix: z.string(),
  labels: z.array(z.string()),
  inputSchema: z.record(z.string(), z.unknown()).nullable(),
  gatePolicy: gatePolicySchema,
  alpha: z.number().describe("Significance level of comparisons (exact McNemar p < alpha)"),
  driftThreshold: z.number().nullable().describe("Capture drift alert above this weekly shift (0–1); null: off"),
  maxModelAgeDays: z.number().int().nullable().describe("Model age warning after this many days; null: off"),
  lockVersion: z.number().int(),
  problemCount: z.number().int(),
  createdAt: z.string().describe("ISO 8601"),
  updatedAt: z.string().describe("ISO 8601"),
});
export type ProjectResource = z.infer<typeof projectResourceSchema>;
