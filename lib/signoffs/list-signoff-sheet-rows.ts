import "server-only";
import type { ProblemStatus, Severity } from "@/lib/db/generated/enums";
import { prisma } from "@/lib/db/prisma";
import { chooseBaseline, type Baseline } from "@/lib/results/choose-baseline";
import { compareModelVersions, type ComparisonVerdict } from "@/lib/results/compare-model-versions";
import { listErrorRates, type ErrorRate } from "@/lib/results/list-error-rates";
import { assessEvidence, type EvidenceAssessment } from "./assess-evidence";
import { listCurrentSignoffs, type CurrentSignoff } from "./list-current-signoffs";
import { listSignoffReadiness } from "./list-signoff-readiness";

export type SignoffSheetRow = {
  problem: { id: string; key: string; title: string; severity: Severity; status: ProblemStatus; target: number };
  rate: ErrorRate | null;
  comparison: { fixed: number; broken: number; pValue: number; verdict: ComparisonVerdict } | null;
  signoff: CurrentSignoff | null;
  assessment: EvidenceAssessment;
};

export type SignoffSheet = {
  baseline: Baseline<{ id: string; name: string; version: string; status: string }> | null;
  alpha: number;
  rows: SignoffSheetRow[];
};

/** One row per problem of the project for a model version: rate, target, change vs the default baseline, current sign-off, readiness. */
export async function listSignoffSheetRows(projectId: string, modelVersionId: string): Promise<SignoffSheet> {
  const [project, problems, versions, rates, signoffs, readiness] = await Promise.all([
    prisma().project.findUniqueOrThrow({ where: { id: projectId }, select: { alpha: true } }),
    prisma().problem.findMany({
      where: { projectId },
      orderBy: { number: "asc" },
      select: { id: true, key: true, title: true, severity: true, status: true, target: true },
    }),
    prisma().modelVersion.findMany({ where: { projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true, version: true, status: true } }),
    listErrorRates(projectId, { modelVersionIds: [modelVersionId] }),
    listCurrentSignoffs(projectId, modelVersionId),
    listSignoffReadiness(projectId, modelVersionId),
  ]);
  const baseline = chooseBaseline(versions, modelVersionId);
  const comparison = baseline
    ? await compareModelVersions({ projectId, candidateId: modelVersionId, baselineId: baseline.modelVersion.id, alpha: project.alpha })
    : null;
  const compared = new Map(comparison?.problems.map((p) => [p.problemId, p]));
  const rateByProblem = new Map(rates.map((r) => [r.problemId, r]));
  const signoffByProblem = new Map(signoffs.map((s) => [s.problemId, s]));

  const rows = problems.map((problem): SignoffSheetRow => {
    const rate = rateByProblem.get(problem.id) ?? null;
    const c = compared.get(problem.id);
    const change = c ? { fixed: c.fixed, broken: c.broken, pValue: c.pValue, verdict: c.verdict } : null;
    return {
      problem,
      rate,
      comparison: change,
      signoff: signoffByProblem.get(problem.id) ?? null,
      assessment: assessEvidence({ rate, target: problem.target, comparison: change?.verdict ?? null, readiness: readiness.get(problem.id) }),
    };
  });
  return { baseline, alpha: project.alpha, rows };
}
