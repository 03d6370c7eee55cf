import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { ProblemStatus, Severity } from "@/lib/db/generated/enums";
import { mcnemarExact } from "@/lib/stats/mcnemar-exact";
import { toErrorRate, type ErrorRate } from "./list-error-rates";

export type ComparisonVerdict = "better" | "worse" | "unchanged" | "inconclusive";

type VerdictCounts = { passed: number; failed: number; errored: number; ungraded: number };

export type ProblemComparison = {
  problemId: string;
  key: string;
  title: string;
  severity: Severity;
  status: ProblemStatus;
  target: number;
  /** Current patterns with pass or fail on both versions: what the test counts. */
  paired: number;
  /** fail → pass. */
  fixed: number;
  /** pass → fail. */
  broken: number;
  bothPass: number;
  bothFail: number;
  /** Current patterns with an error, a pending grade or no result on either side. */
  unpaired: number;
  baselineErrorRate: number | null;
  candidateErrorRate: number | null;
  baseline: ErrorRate;
  candidate: ErrorRate;
  /** Exact two-sided McNemar p-value on (broken, fixed). */
  pValue: number;
  verdict: ComparisonVerdict;
};

export type ComparisonSummary = Record<ComparisonVerdict, number> & { fixed: number; broken: number; paired: number; unpaired: number };

export type Comparison = { alpha: number; problems: ProblemComparison[]; summary: ComparisonSummary };

type Side = "pass" | "fail" | "error" | "ungraded" | "none";
type CellRow = { problemId: string; candidate: Side; baseline: Side; count: number };

/**
 * Compares a candidate model version with a baseline, problem by problem, on
 * the patterns both were replayed on (current revisions of non-archived
 * patterns): paired flips, both error rates, an exact McNemar p-value and a
 * verdict at significance level `alpha`. One aggregate in PostgreSQL; the
 * caller has checked that both versions belong to the project.
 *
 * Results are joined on (model_version_id, pattern_revision_id) alone, the
 * unique index: the revision already pins the project. A `project_id = …` term
 * there lets the planner, when results have no statistics yet (a replay just
 * written, autovacuum not yet run), scan a version's results through the
 * (project_id, model_version_id, …) index once per pattern: 30 s instead of
 * 50 ms for 10,000 patterns, and pages that held the pool's connections for
 * minutes under load (npm run bench:load). The same holds for every
 * "results of one version on the current patterns" join (flipped patterns,
 * replay completeness, sign-off readiness and evidence).
 */
export async function compareModelVersions(input: {
  projectId: string;
  candidateId: string;
  baselineId: string;
  alpha: number;
  problemIds?: string[];
}): Promise<Comparison> {
  const { projectId, candidateId, baselineId, alpha } = input;
  const [problems, cells] = await Promise.all([
    prisma().problem.findMany({
      where: { projectId, ...(input.problemIds ? { id: { in: input.problemIds } } : {}) },
      select: { id: true, key: true, title: true, severity: true, status: true, target: true, number: true },
      orderBy: { number: "asc" },
    }),
    prisma().$queryRaw<CellRow[]>`
      SELECT
        p.problem_id AS "problemId",
        CASE WHEN rc.id IS NULL THEN 'none' ELSE COALESCE(rc.verdict::text, 'ungraded') END AS "candidate",
        CASE WHEN rb.id IS NULL THEN 'none' ELSE COALESCE(rb.verdict::text, 'ungraded') END AS "baseline",
        COUNT(*)::int AS "count"
      FROM patterns p
      LEFT JOIN results rc
        ON rc.pattern_revision_id = p.current_revision_id AND rc.model_version_id = ${candidateId}
      LEFT JOIN results rb
        ON rb.pattern_revision_id = p.current_revision_id AND rb.model_version_id = ${baselineId}
      WHERE p.project_id = ${projectId}
        AND p.archived_at IS NULL
        AND p.current_revision_id IS NOT NULL
      GROUP BY 1, 2, 3
    `,
  ]);

  const byProblem = new Map<string, CellRow[]>();
  for (const cell of cells) byProblem.set(cell.problemId, [...(byProblem.get(cell.problemId) ?? []), cell]);

  const compared = problems.map((problem) => {
    const flips = countFlips(byProblem.get(problem.id) ?? []);
    const pValue = mcnemarExact(flips.broken, flips.fixed);
    const baseline = toErrorRate({ problemId: problem.id, modelVersionId: baselineId, ...flips.baselineCounts });
    const candidate = toErrorRate({ problemId: problem.id, modelVersionId: candidateId, ...flips.candidateCounts });
    return {
      problemId: problem.id,
      key: problem.key,
      title: problem.title,
      severity: problem.severity,
      status: problem.status,
      target: problem.target,
      paired: flips.paired,
      fixed: flips.fixed,
      broken: flips.broken,
      bothPass: flips.bothPass,
      bothFail: flips.bothFail,
      unpaired: flips.unpaired,
      baselineErrorRate: baseline.errorRate,
      candidateErrorRate: candidate.errorRate,
      baseline,
      candidate,
      pValue,
      verdict: comparisonVerdict(flips, pValue, alpha),
    } satisfies ProblemComparison;
  });

  return { alpha, problems: compared.sort(worstFirst), summary: summarise(compared) };
}

type Flips = {
  paired: number;
  fixed: number;
  broken: number;
  bothPass: number;
  bothFail: number;
  unpaired: number;
  baselineCounts: VerdictCounts;
  candidateCounts: VerdictCounts;
};

/** Folds (candidate side, baseline side, count) cells into flips and each side's verdict counts. */
export function countFlips(cells: { candidate: Side; baseline: Side; count: number }[]): Flips {
  const flips: Flips = {
    paired: 0, fixed: 0, broken: 0, bothPass: 0, bothFail: 0, unpaired: 0,
    baselineCounts: { passed: 0, failed: 0, errored: 0, ungraded: 0 },
    candidateCounts: { passed: 0, failed: 0, errored: 0, ungraded: 0 },
  };
  for (const { candidate, baseline, count } of cells) {
    addSide(flips.candidateCounts, candidate, count);
    addSide(flips.baselineCounts, baseline, count);
    const judged = (s: Side) => s === "pass" || s === "fail";
    if (!judged(candidate) || !judged(baseline)) {
      flips.unpaired += count;
      continue;
    }
    flips.paired += count;
    if (baseline === "fail" && candidate === "pass") flips.fixed += count;
    else if (baseline === "pass" && candidate === "fail") flips.broken += count;
    else if (baseline === "pass") flips.bothPass += count;
    else flips.bothFail += count;
  }
  return flips;
}

function addSide(counts: VerdictCounts, side: Side, count: number) {
  if (side === "pass") counts.passed += count;
  else if (side === "fail") counts.failed += count;
  else if (side === "error") counts.errored += count;
  else if (side === "ungraded") counts.ungraded += count;
}

/**
 * better / worse: the paired flips are significant (p < α). inconclusive: not
 * significant, but the evidence cannot settle it yet — no pattern is paired, or
 * the unpaired patterns, once judged, could still make it significant either
 * way. unchanged: no significant difference, and none can appear from the
 * patterns still unpaired.
 */
export function comparisonVerdict(flips: Pick<Flips, "paired" | "fixed" | "broken" | "unpaired">, pValue: number, alpha: number): ComparisonVerdict {
  if (pValue < alpha) return flips.broken > flips.fixed ? "worse" : "better";
  if (flips.paired === 0) return "inconclusive";
  if (flips.unpaired > 0) {
    const couldTip =
      mcnemarExact(flips.broken + flips.unpaired, flips.fixed) < alpha || mcnemarExact(flips.broken, flips.fixed + flips.unpaired) < alpha;
    if (couldTip) return "inconclusive";
  }
  return "unchanged";
}

const VERDICT_ORDER: Record<ComparisonVerdict, number> = { worse: 0, inconclusive: 1, unchanged: 2, better: 3 };

/** Problem keys in numeric order (SENT-2 before SENT-10); one collator: `localeCompare` with options builds one per call (~35 µs). */
const compareKeys = new Intl.Collator("en", { numeric: true }).compare;

/** Worst first: significant regressions (smallest p first), then by net breakage. */
function worstFirst(a: ProblemComparison, b: ProblemComparison): number {
  return (
    VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
    (a.verdict === "worse" ? a.pValue - b.pValue : 0) ||
    b.broken - b.fixed - (a.broken - a.fixed) ||
    compareKeys(a.key, b.key)
  );
}

function summarise(problems: ProblemComparison[]): ComparisonSummary {
  const summary: ComparisonSummary = { better: 0, worse: 0, unchanged: 0, inconclusive: 0, fixed: 0, broken: 0, paired: 0, unpaired: 0 };
  for (const p of problems) {
    summary[p.verdict] += 1;
    summary.fixed += p.fixed;
    summary.broken += p.broken;
    summary.paired += p.paired;
    summary.unpaired += p.unpaired;
  }
  return summary;
}
