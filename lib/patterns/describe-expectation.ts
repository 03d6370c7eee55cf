import type { Expectation } from "@/lib/scoring/expectation.schema";

const MAX_VALUE_CHARS = 80;

/** A value as people read it: bare words unquoted, other strings quoted, JSON compact and shortened. */
export function formatExpectedValue(value: unknown): string {
  if (typeof value === "string" && /^[\p{L}\p{N}_.:/-]+$/u.test(value)) return value;
  const text = JSON.stringify(value) ?? "null";
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function formatNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** An expectation in words: "equals negative", "within 3 ± 0.5", "positive in top 3". */
export function describeExpectation(expectation: Expectation): string {
  switch (expectation.kind) {
    case "equals":
      return `equals ${formatExpectedValue(expectation.value)}`;
    case "not_equals":
      return `is not ${formatExpectedValue(expectation.value)}`;
    case "one_of":
      return `one of ${expectation.values.map(formatExpectedValue).join(", ")}`;
    case "within": {
      const { value, abs, rel } = expectation;
      const tolerances = [abs !== undefined ? formatNumber(abs) : null, rel !== undefined ? `${formatNumber(rel * 100)}%` : null].filter(Boolean);
      if (tolerances.length === 0) return `exactly ${formatNumber(value)}`;
      return `within ${formatNumber(value)} ± ${tolerances.length === 2 ? `max(${tolerances.join(", ")})` : tolerances[0]}`;
    }
    case "contains":
      return `contains ${JSON.stringify(expectation.value)}`;
    case "matches":
      return `matches /${expectation.pattern}/`;
    case "json_subset":
      return `JSON including ${formatExpectedValue(expectation.value)}`;
    case "in_top_k":
      return `${formatExpectedValue(expectation.value)} in top ${expectation.k}`;
    case "human":
      return "graded by a person";
  }
}
