import type { Prisma } from "@/lib/db/generated/client";
import { z } from "zod";
import type { Staleness } from "./find-staleness";

export const signoffRecordSelect = {
  id: true,
  projectId: true,
  problemId: true,
  modelVersionId: true,
  decision: true,
  comment: true,
  passed: true,
  failed: true,
  errored: true,
  n: true,
  errorRate: true,
  low: true,
  high: true,
  target: true,
  baselineModelVersionId: true,
  fixed: true,
  broken: true,
  pValue: true,
  comparisonVerdict: true,
  patternSetFingerprint: true,
  resultsFingerprint: true,
  evidence: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.SignOffSelect;

export type SignoffRecord = Prisma.SignOffGetPayload<{ select: typeof signoffRecordSelect }>;

/** A sign-off as the API returns it: the decision, the evidence it froze, and whether it is stale now. */
export const signoffResourceSchema = z.object({
  id: z.string(),
  problemId: z.string(),
  modelVersionId: z.string(),
  decision: z.enum(["approve", "reject"]),
  comment: z.string(),
  createdAt: z.string().describe("ISO 8601"),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  evidence: z.object({
    passed: z.number().int(),
    failed: z.number().int(),
    errored: z.number().int(),
    n: z.number().int().describe("passed + failed"),
    errorRate: z.number().nullable(),
    low: z.number().nullable().describe("95% Wilson interval"),
    high: z.number().nullable(),
    target: z.number().nullable().describe("The problem's target when the decision was made"),
    comparison: z
      .object({ baselineModelVersionId: z.string(), fixed: z.number().int(), broken: z.number().int(), pValue: z.number(), verdict: z.string() })
      .nullable()
      .describe("Against the default baseline (production, else the version before) when the decision was made"),
    patternSetFingerprint: z.string().describe("SHA-256 over the problem's current revision ids"),
    resultsFingerprint: z.string().nullable().describe("SHA-256 over revision:verdict of this version's results on them"),
    patterns: z.unknown().describe("[{ patternId, revisionId, verdict, outputHash }] as they were"),
  }),
  superseded: z.boolean().describe("A newer decision on the same problem and version replaced this one"),
  stale: z.boolean().describe("The pattern set or this version's results on it changed since; computed at read time"),
  staleReason: z.string().nullable().describe('e.g. "2 patterns added, 1 edited since"'),
});

export type SignoffResource = z.infer<typeof signoffResourceSchema>;

export function toSignoffResource(row: SignoffRecord, staleness: Staleness, superseded: boolean): SignoffResource {
  const comparison =
    row.baselineModelVersionId !== null && row.fixed !== null && row.broken !== null && row.pValue !== null
      ? { baselineModelVersionId: row.baselineModelVersionId, fixed: row.fixed, broken: row.broken, pValue: row.pValue, verdict: row.comparisonVerdict ?? "inconclusive" }
      : null;
  return {
    id: row.id,
    problemId: row.problemId,
    modelVersionId: row.modelVersionId,
    decision: row.decision,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    evidence: {
      passed: row.passed,
      failed: row.failed,
      errored: row.errored,
      n: row.n,
      errorRate: row.errorRate,
      low: row.low,
      high: row.high,
      target: row.target,
      comparison,
      patternSetFingerprint: row.patternSetFingerprint,
      resultsFingerprint: row.resultsFingerprint,
      patterns: row.evidence ?? [],
    },
    superseded,
    ...staleness,
  };
}
