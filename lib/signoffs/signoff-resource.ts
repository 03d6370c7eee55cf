import type { Prisma } from "@/lib/db/generated/client";
import type { SignOffDecision } from "@/lib/db/generated/enums";
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
export type SignoffResource = {
  id: string;
  problemId: string;
  modelVersionId: string;
  decision: SignOffDecision;
  comment: string;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  evidence: {
    passed: number;
    failed: number;
    errored: number;
    n: number;
    errorRate: number | null;
    low: number | null;
    high: number | null;
    target: number | null;
    comparison: { baselineModelVersionId: string; fixed: number; broken: number; pValue: number; verdict: string } | null;
    patternSetFingerprint: string;
    resultsFingerprint: string | null;
    patterns: unknown;
  };
  /** A newer decision on the same problem and version replaced this one. */
  superseded: boolean;
  stale: boolean;
  staleReason: string | null;
};

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
    createdAt: row.createdAt,
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
