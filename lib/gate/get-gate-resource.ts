import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import { chooseBaseline } from "@/lib/results/choose-baseline";
import { compareModelVersions } from "@/lib/results/compare-model-versions";
import { listErrorRates } from "@/lib/results/list-error-rates";
import { listCurrentSignoffs } from "@/lib/signoffs/list-current-signoffs";
import { evaluateGate, type GateEvidence, type GateSignoffEvidence } from "./evaluate-gate";
import type { GateResource } from "./gate.schema";
import { toGatePolicy } from "./gate-policy.schema";
import { listReplayCompleteness } from "./list-replay-completeness";

/** A problem without current patterns is absent from listReplayCompleteness. */
const NO_PATTERNS = { patterns: 0, passed: 0, failed: 0, errored: 0, pending: 0, missing: 0, awaitingGrade: 0 };

/**
 * Evaluates the release gate of a model version: gathers the evidence (settled
 * verdicts and replay completeness, the comparison with the production
 * version, current sign-offs), lets evaluateGate decide, and audits the
 * evaluation with its decision and who asked. Each problem's errorRate and n
 * in the answer are listErrorRates' (what every chart shows). 404 for an
 * unknown version.
 */
export async function getGateResource(modelVersionId: string, actor: Actor | null): Promise<GateResource> {
  const modelVersion = await prisma().modelVersion.findUnique({
    where: { id: modelVersionId },
    select: { id: true, projectId: true, name: true, version: true, status: true },
  });
  if (!modelVersion) throw new NotFoundError("Model version");
  const { projectId } = modelVersion;

  const [project, problems, modelVersions, rates, completeness, signoffs] = await Promise.all([
    prisma().project.findUniqueOrThrow({ where: { id: projectId }, select: { gatePolicy: true, alpha: true } }),
    prisma().problem.findMany({
      where: { projectId },
      select: { id: true, key: true, title: true, severity: true, status: true, target: true },
      orderBy: { number: "asc" },
    }),
    listModelVersions(projectId),
    listErrorRates(projectId, { modelVersionIds: [modelVersion.id] }),
    listReplayCompleteness(projectId, modelVersion.id),
    listGateSignoffs(projectId, modelVersion.id),
  ]);
  const policy = toGatePolicy(project.gatePolicy);
  const { alpha } = project;

  // The regression rule compares with production only (chooseBaseline's first choice), never with "the version before".
  const baseline = modelVersion.status === "production" ? null : chooseBaseline(modelVersions, modelVersion.id);
  const production = baseline?.reason === "production" ? baseline.modelVersion : null;
  const comparison = production
    ? await compareModelVersions({ projectId, candidateId: modelVersion.id, baselineId: production.id, alpha })
    : null;

  const rateOf = new Map(rates.map((r) => [r.problemId, r]));
  const completenessOf = new Map(completeness.map((c) => [c.problemId, c]));
  const comparisonOf = new Map(comparison?.problems.map((c) => [c.problemId, c]));
  const evidence: GateEvidence = {
    alpha,
    production: modelVersion.status === "production" ? { kind: "self" } : production ? { kind: "version", label: modelVersionLabel(production) } : { kind: "none" },
    problems: problems.map(({ id, ...problem }) => {
      const flips = comparisonOf.get(id);
      return {
        ...NO_PATTERNS,
        ...completenessOf.get(id),
        problemId: id,
        ...problem,
        comparison: flips ? { fixed: flips.fixed, broken: flips.broken } : null,
        signoff: signoffs.get(id) ?? null,
      };
    }),
  };
  const evaluation = evaluateGate(policy, evidence);
  const checksOf = new Map(evaluation.problems.map((p) => [p.problemId, p.checks]));

  const evaluatedAt = new Date().toISOString();
  await recordAuditEvent(actor, {
    action: "gate.evaluate",
    entityType: "model_version",
    entityId: modelVersion.id,
    projectId,
    data: { decision: evaluation.decision, reasons: evaluation.reasons.slice(0, 50) },
  });

  const sum = (field: "patterns" | "pending" | "missing" | "awaitingGrade") => completeness.reduce((total, c) => total + c[field], 0);
  const replay = { patterns: sum("patterns"), pending: sum("pending"), missing: sum("missing"), awaitingGrade: sum("awaitingGrade") };
  return {
    modelVersion: { id: modelVersion.id, name: modelVersion.name, version: modelVersion.version, status: modelVersion.status },
    decision: evaluation.decision,
    evaluatedAt,
    policy: { ...policy, alpha },
    production: production ? { id: production.id, name: production.name, version: production.version } : null,
    replay: { complete: replay.pending + replay.missing + replay.awaitingGrade === 0, ...replay },
    problems: problems.map(({ id, ...problem }) => ({
      problemId: id,
      ...problem,
      errorRate: rateOf.get(id)?.errorRate ?? null,
      n: rateOf.get(id)?.n ?? 0,
      checks: checksOf.get(id) ?? [],
    })),
    reasons: evaluation.reasons,
  };
}

/** The version's current (newest, staleness computed now) sign-off per problem. */
async function listGateSignoffs(projectId: string, modelVersionId: string): Promise<Map<string, GateSignoffEvidence>> {
  const signoffs = await listCurrentSignoffs(projectId, modelVersionId);
  return new Map(
    signoffs.map((s) => [s.problemId, { decision: s.decision, stale: s.stale, staleReason: s.staleReason, by: s.createdBy?.name ?? null, comment: s.comment }]),
  );
}
