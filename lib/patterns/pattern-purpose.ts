import type { Polarity } from "@/lib/db/generated/enums";

export type PatternPurpose = "case" | "control";

/** DESIGN.md's purpose of a pattern from its stored polarity: positive = case (the problem), negative = control (a look-alike). */
export function patternPurpose(polarity: Polarity): PatternPurpose {
  return polarity === "positive" ? "case" : "control";
}
