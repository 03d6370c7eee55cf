import type { Expectation } from "./expectation.schema";
import { canonicalJson } from "./canonical-json";
import { matchesPattern } from "./match-pattern";

export type JudgeVerdict = "pass" | "fail" | "needs_grade";

// Judges one model output against a pattern revision's expectation. Pure: no I/O, no clock.
export function judgeOutput(expectation: Expectation, output: unknown): JudgeVerdict {
  switch (expectation.kind) {
    case "equals":
      return verdict(jsonEqual(output, expectation.value));
    case "not_equals":
      return verdict(output !== undefined && !jsonEqual(output, expectation.value));
    case "one_of":
      return verdict(expectation.values.some((value) => jsonEqual(output, value)));
    case "within":
      return verdict(isWithin(output, expectation.value, expectation.abs, expectation.rel));
    case "contains": {
      const text = outputAsText(output);
      return verdict(text !== undefined && text.includes(expectation.value));
    }
    case "matches": {
      const text = outputAsText(output);
      return verdict(text !== undefined && matchesPattern(expectation.pattern, text));
    }
    case "json_subset":
      return verdict(isJsonSubset(expectation.value, output));
    case "in_top_k":
      return verdict(isInTopK(output, expectation.value, expectation.k));
    case "human":
      return "needs_grade";
  }
}

function verdict(passed: boolean): JudgeVerdict {
  return passed ? "pass" : "fail";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Deep JSON equality: object key order is irrelevant, strings are case-sensitive, NaN equals nothing. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (typeof a === "number" || typeof b === "number") return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const aKeys = Object.keys(a).filter((k) => a[k] !== undefined);
    const bKeys = Object.keys(b).filter((k) => b[k] !== undefined);
    if (aKeys.length !== bKeys.length) return false;
    return aKeys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return a === b && a !== undefined;
}

function isWithin(output: unknown, value: number, abs?: number, rel?: number): boolean {
  if (typeof output !== "number" || !Number.isFinite(output)) return false;
  const tolerance = Math.max(abs ?? 0, (rel ?? 0) * Math.abs(value));
  return Math.abs(output - value) <= tolerance;
}

/** Strings as they are; any other JSON value as its canonical JSON text; no output at all as undefined. */
function outputAsText(output: unknown): string | undefined {
  if (output === undefined) return undefined;
  return typeof output === "string" ? output : canonicalJson(output);
}

// Arrays subset-match only at equal length, element by element at the same position.
function isJsonSubset(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => isJsonSubset(item, actual[i]));
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return false;
    return Object.entries(expected).every(
      ([key, value]) => value === undefined || (Object.hasOwn(actual, key) && isJsonSubset(value, actual[key])),
    );
  }
  return jsonEqual(expected, actual);
}

type RankedLabel = { label: unknown; score?: unknown };

/** Output is labels in rank order, or {label, score} objects (ranked by score, descending, when every score is a number). */
function isInTopK(output: unknown, value: unknown, k: number): boolean {
  if (!Array.isArray(output)) return false;
  const items: unknown[] = output;
  if (items.every((item) => isPlainObject(item) && "label" in item)) {
    const ranked = items as RankedLabel[];
    const byScore = ranked.every((item) => typeof item.score === "number" && !Number.isNaN(item.score))
      ? [...ranked].sort((a, b) => (b.score as number) - (a.score as number))
      : ranked;
    return byScore.slice(0, k).some((item) => jsonEqual(item.label, value));
  }
  return items.slice(0, k).some((item) => jsonEqual(item, value));
}
