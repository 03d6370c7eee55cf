import type { PatternCounts } from "./list-problems";

// A problem is well covered by 10–15 patterns, at least one of them negative (DESIGN.md).
export const MIN_PATTERNS = 10;
export const MAX_PATTERNS = 15;

/** What is missing from a problem's pattern set; empty when coverage looks right. */
export function coverageHints(counts: Pick<PatternCounts, "total" | "negative">): string[] {
  const hints: string[] = [];
  if (counts.total < MIN_PATTERNS) hints.push(`< ${MIN_PATTERNS} patterns`);
  if (counts.total > MAX_PATTERNS) hints.push(`> ${MAX_PATTERNS} patterns`);
  if (counts.negative === 0) hints.push("no negative pattern");
  return hints;
}
