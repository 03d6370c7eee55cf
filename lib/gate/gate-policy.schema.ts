import { z } from "zod";
import { problemStatusSchema, severitySchema } from "@/lib/problems/problem.schema";

// The release gate's policy: a project setting (projects.gate_policy), stored as
// JSON and read through this schema, so a field added later takes its default
// on every existing project.

export const gatePolicySchema = z
  .object({
    statuses: z
      .array(problemStatusSchema)
      .default(["open", "monitoring"])
      .describe("Problems in these statuses must be at or under their target and carry the required sign-offs"),
    blockRegressions: z
      .boolean()
      .default(true)
      .describe("Fail when a problem is significantly worse than the production version (exact McNemar p < the project's alpha, broken > fixed)"),
    signoffSeverities: z
      .array(severitySchema)
      .default(["critical", "high"])
      .describe("Problems of these severities need a current approval and no current rejection; [] requires none"),
    maxErroredShare: z
      .number()
      .min(0, "must be between 0 and 1")
      .max(1, "must be between 0 and 1")
      .default(0.05)
      .describe("Highest share (0–1) of a problem's patterns whose call errored"),
  })
  .strict();

export type GatePolicy = z.output<typeof gatePolicySchema>;

export const DEFAULT_GATE_POLICY: GatePolicy = gatePolicySchema.parse({});

/**
 * The policy stored on a project, with defaults for what it leaves out. Stored
 * values were validated on write; one that no longer parses (an older shape)
 * falls back to the defaults field by field rather than breaking the gate.
 */
export function toGatePolicy(stored: unknown): GatePolicy {
  const parsed = gatePolicySchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const fields = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const policy: Record<string, unknown> = { ...DEFAULT_GATE_POLICY };
  for (const key of Object.keys(DEFAULT_GATE_POLICY) as (keyof GatePolicy)[]) {
    const field = gatePolicySchema.shape[key].safeParse(fields[key]);
    if (field.success) policy[key] = field.data;
  }
  return policy as GatePolicy;
}
