import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/generated/client";
import type { SignOffDecision } from "@/lib/db/generated/enums";
import { prisma } from "@/lib/db/prisma";
import { ValidationError, type FieldError } from "@/lib/errors/domain-errors";
import { chooseBaseline } from "@/lib/results/choose-baseline";
import { compareModelVersions, type ProblemComparison } from "@/lib/results/compare-model-versions";
import { toErrorRate } from "@/lib/results/list-error-rates";
import { describeIncomplete } from "./describe-incomplete";
import { listSignoffReadiness } from "./list-signoff-readiness";
import { loadEvidence, loadFingerprints, pairKey, type EvidenceItem } from "./signoff-evidence";
import { signoffRecordSelect, toSignoffResource, type SignoffResource } from "./signoff-resource";

export type SignoffDecisionInput = { problemId: string; decision: SignOffDecision; comment: string };

/**
 * Writes one immutable sign-off per item for a model version of the project,
 * all or nothing. Each record freezes the evidence it was made on: counts,
 * error rate and interval, the target, the comparison with the default
 * baseline, both fingerprints and the per-pattern verdicts. Refused (422) for
 * a problem whose replay on this version is incomplete or awaits a grade.
 * `path` names the body field of each item in error messages.
 */
export async function writeSignoffs(
  actor: Actor,
  target: { projectId: string; modelVersionId: string },
  items: readonly SignoffDecisionInput[],
  path: (index: number) => string,
): Promise<SignoffResource[]> {
  const { projectId, modelVersionId } = target;
  const problemIds = items.map((item) => item.problemId);
  const problems = await prisma().problem.findMany({ where: { projectId, id: { in: problemIds } }, select: { id: true, key: true, target: true } });
  const problemById = new Map(problems.map((p) => [p.id, p]));
  const unknown: FieldError[] = [];
  items.forEach((item, index) => {
    if (!problemById.has(item.problemId)) unknown.push({ path: path(index), message: "no problem of this project" });
    else if (problemIds.indexOf(item.problemId) !== index) unknown.push({ path: path(index), message: "the same problem twice" });
  });
  if (unknown.length) throw new ValidationError("Some problems cannot be signed off here.", unknown);

  const comparisons = await compareWithBaseline(projectId, modelVersionId, problemIds);

  // One snapshot for the checks, the evidence, the fingerprints and the writes.
  const rows = await prisma().$transaction(
    async (tx) => {
      const evidence = new Map<string, EvidenceItem[]>();
      const readiness = await listSignoffReadiness(projectId, modelVersionId, tx);
      const refusals: FieldError[] = [];
      for (const [index, item] of items.entries()) {
        evidence.set(item.problemId, await loadEvidence(projectId, { problemId: item.problemId, modelVersionId }, tx));
        const refusal = describeIncomplete(readiness.get(item.problemId) ?? { pending: 0, missing: 0, ungraded: 0, judged: 0 });
        if (refusal) refusals.push({ path: path(index), message: `${problemById.get(item.problemId)!.key}: ${refusal}` });
      }
      if (refusals.length) {
        throw new ValidationError(
          refusals.length === 1 ? `Cannot sign off yet — ${refusals[0]!.message}.` : `Cannot sign off ${refusals.length} problems yet: their replay is incomplete or awaits grades.`,
          refusals,
        );
      }
      const fingerprints = await loadFingerprints(projectId, items.map((item) => ({ problemId: item.problemId, modelVersionId })), tx);
      const created = [];
      for (const item of items) {
        const problem = problemById.get(item.problemId)!;
        const frozen = evidence.get(item.problemId)!;
        const rate = toErrorRate({ problemId: problem.id, modelVersionId, ...countVerdicts(frozen) });
        const comparison = comparisons.problems.get(problem.id);
        const record = await tx.signOff.create({
          data: {
            projectId,
            problemId: problem.id,
            modelVersionId,
            decision: item.decision,
            comment: item.comment,
            passed: rate.passed,
            failed: rate.failed,
            errored: rate.errored,
            n: rate.n,
            errorRate: rate.errorRate,
            low: rate.low,
            high: rate.high,
            target: problem.target,
            ...(comparison && comparisons.baselineId
              ? { baselineModelVersionId: comparisons.baselineId, fixed: comparison.fixed, broken: comparison.broken, pValue: comparison.pValue, comparisonVerdict: comparison.verdict }
              : {}),
            ...fingerprints.get(pairKey({ problemId: problem.id, modelVersionId }))!,
            evidence: frozen as unknown as Prisma.InputJsonValue,
            createdById: actor.user.id,
          },
          select: signoffRecordSelect,
        });
        const previous = await tx.signOff.findFirst({
          where: { projectId, problemId: problem.id, modelVersionId, id: { not: record.id } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { id: true },
        });
        await recordAuditEvent(
          actor,
          {
            action: "signoff.create",
            entityType: "signoff",
            entityId: record.id,
            projectId,
            data: { problemId: problem.id, modelVersionId, decision: item.decision, errorRate: rate.errorRate, n: rate.n, supersedes: previous?.id ?? null },
          },
          tx,
        );
        created.push(record);
      }
      return created;
    },
    { isolationLevel: "RepeatableRead", timeout: 30_000 },
  );
  return rows.map((row) => toSignoffResource(row, { stale: false, staleReason: null }, false));
}

function countVerdicts(evidence: readonly EvidenceItem[]) {
  const count = (verdict: EvidenceItem["verdict"]) => evidence.filter((item) => item.verdict === verdict).length;
  return { passed: count("pass"), failed: count("fail"), errored: count("error"), ungraded: count("ungraded") };
}

async function compareWithBaseline(projectId: string, candidateId: string, problemIds: string[]): Promise<{ baselineId: string | null; problems: Map<string, ProblemComparison> }> {
  const [versions, project] = await Promise.all([
    prisma().modelVersion.findMany({ where: { projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, status: true } }),
    prisma().project.findUniqueOrThrow({ where: { id: projectId }, select: { alpha: true } }),
  ]);
  const baseline = chooseBaseline(versions, candidateId);
  if (!baseline) return { baselineId: null, problems: new Map() };
  const comparison = await compareModelVersions({ projectId, candidateId, baselineId: baseline.modelVersion.id, alpha: project.alpha, problemIds });
  return { baselineId: baseline.modelVersion.id, problems: new Map(comparison.problems.map((p) => [p.problemId, p])) };
}
