import { z } from "zod";
import { ProblemStatus, Severity } from "@/lib/db/generated/enums";
import type { ProblemFilter } from "./list-problems";

type SearchParams = Record<string, string | string[] | undefined>;

// Repeated (?severity=high&severity=low) or comma-separated (?severity=high,low); unknown values are dropped.
function listOf<T extends string>(values: readonly [T, ...T[]]) {
  const item = z.enum(values);
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((raw) => {
      const parts = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((s) => s.split(","));
      return [...new Set(parts.map((s) => s.trim()).filter((s): s is T => item.safeParse(s).success))];
    });
}

const problemFilterSchema = z.object({
  severity: listOf(Object.values(Severity) as [Severity, ...Severity[]]),
  status: listOf(Object.values(ProblemStatus) as [ProblemStatus, ...ProblemStatus[]]),
});

/** The dashboard's severity/status filter from URL search params. */
export function parseProblemFilter(searchParams: SearchParams): Required<Pick<ProblemFilter, "severities" | "statuses">> {
  const parsed = problemFilterSchema.parse(searchParams);
  return { severities: parsed.severity, statuses: parsed.status };
}
