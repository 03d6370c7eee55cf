import { formatPValue } from "@/lib/format/format-p-value";
import type { ProblemComparisonResource } from "@/lib/results/get-comparison-resource.schema";

/**
 * The compare page's one-line answer: "1 problem worse (p = 0.031), 3 better,
 * 6 unchanged, 2 inconclusive". Worse first because it is what blocks a
 * release; each significant group names its p-value (the largest, when several).
 */
export function comparisonSummaryText(problems: Pick<ProblemComparisonResource, "verdict" | "pValue">[]): string {
  if (problems.length === 0) return "No problems to compare.";
  const parts: string[] = [];
  for (const verdict of ["worse", "better", "unchanged", "inconclusive"] as const) {
    const group = problems.filter((p) => p.verdict === verdict);
    if (group.length === 0 && verdict !== "worse" && verdict !== "better") continue;
    const largestP = Math.max(...group.map((p) => p.pValue));
    const p = group.length === 0 || (verdict !== "worse" && verdict !== "better") ? "" : ` (${group.length === 1 ? formatPValue(largestP) : formatPValue(largestP).replace(/^p [=<]/, "p ≤")})`;
    parts.push(`${group.length}${parts.length === 0 ? ` problem${group.length === 1 ? "" : "s"}` : ""} ${verdict}${p}`);
  }
  return parts.join(", ");
}
