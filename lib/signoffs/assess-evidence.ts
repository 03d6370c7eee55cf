import { formatPercent, formatTarget } from "@/lib/format/format-percent";
import type { ComparisonVerdict } from "@/lib/results/compare-model-versions";
import { describeIncomplete, type Readiness } from "./describe-incomplete";

type Rate = { n: number; errorRate: number | null; low: number; high: number };

export type EvidenceAssessment = {
  /** At or under the target; null without a graded result. */
  meetsTarget: boolean | null;
  /** Why the evidence is too thin to lean on, in words; null when it is not. */
  thin: string | null;
  /** Why it cannot be signed off yet (the API would answer 422); null when it can. */
  incomplete: string | null;
  /** Counted by "approve every problem that meets its target and has no significant regression". */
  approvable: boolean;
};

/** What the sign-off sheet says next to a problem's buttons. */
export function assessEvidence(input: {
  rate: Rate | null;
  target: number;
  comparison: ComparisonVerdict | null;
  readiness: Readiness | undefined;
}): EvidenceAssessment {
  const { rate, target } = input;
  const incomplete = describeIncomplete(input.readiness ?? { pending: 0, missing: 0, ungraded: 0, judged: 0 });
  const meetsTarget = rate?.errorRate == null ? null : rate.errorRate <= target;
  let thin: string | null = null;
  if (rate && rate.n > 0 && rate.n < 10) thin = `Thin evidence: only ${rate.n} graded ${rate.n === 1 ? "pattern" : "patterns"} (fewer than 10).`;
  else if (rate && rate.n > 0 && rate.low <= target && target < rate.high) {
    thin = `Uncertain: the 95% interval ${formatPercent(rate.low)}–${formatPercent(rate.high)} straddles the target ${formatTarget(target)}.`;
  }
  return { meetsTarget, thin, incomplete, approvable: incomplete === null && meetsTarget === true && input.comparison !== "worse" };
}
