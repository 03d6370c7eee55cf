import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { chooseBaseline } from "./choose-baseline";
import { compareModelVersions } from "./compare-model-versions";
import type { ComparisonResource, FlippedPattern } from "./get-comparison-resource.schema";
import type { ErrorRate } from "./list-error-rates";
import { listFlippedPatterns } from "./list-flipped-patterns";

const versionSelect = { id: true, projectId: true, name: true, version: true, status: true } as const;

/**
 * `GET /models/{candidateId}/compare`: the candidate against `baselineId`, or by
 * default against chooseBaseline's pick (production, else the version before),
 * at the project's significance level. 404 for an unknown id; 422 when the
 * baseline is the candidate itself, belongs to another project, or there is no
 * version to compare with. `flips: true` lists each problem's flipped patterns.
 */
export async function getComparisonResource(candidateId: string, baselineId?: string, options: { flips?: boolean } = {}): Promise<ComparisonResource> {
  const candidate = await prisma().modelVersion.findUnique({ where: { id: candidateId }, select: { ...versionSelect, project: { select: { alpha: true } } } });
  if (!candidate) throw new NotFoundError("Model version");
  const { projectId } = candidate;

  let baseline: { id: string; projectId: string; name: string; version: string; status: ComparisonResource["baseline"]["status"] };
  let baselineReason: ComparisonResource["baselineReason"];
  if (baselineId !== undefined) {
    if (baselineId === candidateId) {
      throw new ValidationError("A model version cannot be compared with itself.", [{ path: "query.baseline", message: "is the model version itself" }]);
    }
    const found = await prisma().modelVersion.findUnique({ where: { id: baselineId }, select: versionSelect });
    if (!found) throw new NotFoundError("Baseline model version");
    if (found.projectId !== projectId) {
      throw new ValidationError("The baseline belongs to another project.", [{ path: "query.baseline", message: "belongs to another project" }]);
    }
    baseline = found;
    baselineReason = "requested";
  } else {
    const chosen = chooseBaseline(await listModelVersions(projectId), candidateId);
    if (!chosen) {
      throw new ValidationError("There is no other model version in this project to compare with.", [
        { path: "query.baseline", message: "is required: the project has no production or earlier version" },
      ]);
    }
    baseline = { ...chosen.modelVersion, projectId };
    baselineReason = chosen.reason;
  }

  const pair = { projectId, candidateId, baselineId: baseline.id };
  const [comparison, flips] = await Promise.all([
    compareModelVersions({ ...pair, alpha: candidate.project.alpha }),
    options.flips ? listFlippedPatterns(pair) : null,
  ]);
  const flipsByProblem = new Map<string, FlippedPattern[]>();
  for (const flip of flips ?? []) flipsByProblem.set(flip.problemId, [...(flipsByProblem.get(flip.problemId) ?? []), flip]);

  return {
    projectId,
    candidate: toVersion(candidate),
    baseline: toVersion(baseline),
    baselineReason,
    alpha: comparison.alpha,
    problems: comparison.problems.map(({ baseline: baselineRate, candidate: candidateRate, ...problem }) => ({
      ...problem,
      baseline: toRate(baselineRate),
      candidate: toRate(candidateRate),
      ...(flips ? { flips: flipsByProblem.get(problem.problemId) ?? [] } : {}),
    })),
    summary: comparison.summary,
  };
}

function toVersion({ id, name, version, status }: { id: string; name: string; version: string; status: ComparisonResource["candidate"]["status"] }) {
  return { id, name, version, status };
}

function toRate({ passed, failed, errored, ungraded, n, errorRate, low, high }: ErrorRate) {
  return { passed, failed, errored, ungraded, n, errorRate, low, high };
}
