import type { CoverageHint } from "./problem.schema";

// A problem is well covered by 10–15 patterns, at least one control, and at
// least one seen in production (DESIGN.md; seed 003).
export const MIN_PATTERNS = 10;
export const MAX_PATTERNS = 15;

export type PatternCounts = {
  /** Patterns that are not archived. */
  total: number;
  /** Controls: look-alikes that are not the problem. */
  control: number;
  production: number;
};

/** What is missing from a problem's pattern set; empty when coverage looks right. */
export function coverageHints(counts: PatternCounts): CoverageHint[] {
  const hints: CoverageHint[] = [];
  if (counts.total < MIN_PATTERNS) hints.push("too_few_patterns");
  if (counts.total > MAX_PATTERNS) hints.push("too_many_patterns");
  if (counts.control === 0) hints.push("no_control_pattern");
  if (counts.production === 0) hints.push("no_production_pattern");
  return hints;
}

export const coverageHintLabel: Record<CoverageHint, string> = {
  too_few_patterns: `fewer than ${MIN_PATTERNS} patterns`,
  too_many_patterns: `more than ${MAX_PATTERNS} patterns`,
  no_control_pattern: "no control pattern",
  no_production_pattern: "no production pattern",
};
