import { z } from "zod";
import { modelStatusSchema } from "@/lib/models/model-version-fields.schema";
import { problemStatusSchema, severitySchema } from "@/lib/problems/problem.schema";
import { gatePolicySchema } from "./gate-policy.schema";

// The response of GET /api/v1/models/{modelId}/gate (DESIGN.md "gate"); the
// CLI (bin/ratchet.mjs) reads decision, reasons and replay from it.

export const gateDecisionSchema = z.enum(["pass", "fail", "pending"]);

export const gateCheckSchema = z.object({
  rule: z.enum(["target", "regression", "signoff", "replay", "errors"]),
  ok: z.boolean(),
  state: z.enum(["ok", "pending", "fail"]).describe("pending: not met yet, waiting can settle it; fail: the evidence violates the rule"),
  detail: z.string(),
});

export const gateResourceSchema = z.object({
  modelVersion: z.object({ id: z.string(), name: z.string(), version: z.string(), status: modelStatusSchema }),
  decision: gateDecisionSchema,
  evaluatedAt: z.string().describe("ISO 8601"),
  policy: gatePolicySchema.extend({ alpha: z.number().describe("Significance level of the regression rule (the project's alpha)") }),
  production: z
    .object({ id: z.string(), name: z.string(), version: z.string() })
    .nullable()
    .describe("The production version the regression rule compared with; null when there is none or this is it"),
  replay: z
    .object({ complete: z.boolean(), patterns: z.number().int(), pending: z.number().int(), missing: z.number().int(), awaitingGrade: z.number().int() })
    .describe("The version's replay over every current pattern, summed over problems"),
  problems: z.array(
    z.object({
      problemId: z.string(),
      key: z.string(),
      title: z.string(),
      severity: severitySchema,
      status: problemStatusSchema,
      target: z.number(),
      errorRate: z.number().nullable(),
      n: z.number().int(),
      checks: z.array(gateCheckSchema),
    }),
  ),
  reasons: z.array(z.string()).describe('Every unmet check as "KEY: detail", failures first'),
});

export type GateResource = z.infer<typeof gateResourceSchema>;
