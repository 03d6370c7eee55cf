import type { OutputKind } from "@/lib/db/generated/enums";
import type { Expectation, ExpectationKind } from "@/lib/scoring/expectation.schema";
import { compileMatchPattern } from "@/lib/scoring/match-pattern";

// The expectation form's state: every field as the text the user typed, so a
// half-typed number or JSON value is kept, not lost. Pure, for the client editor.

export type ExpectationDraft = {
  kind: ExpectationKind;
  /** equals / not_equals / in_top_k / contains / within: the value as typed. */
  value: string;
  /** one_of: one entry per value. */
  values: string[];
  abs: string;
  rel: string;
  k: string;
  pattern: string;
  /** json_subset: the JSON object as typed. */
  json: string;
};

export type DraftResult = { ok: true; expectation: Expectation } | { ok: false; errors: Record<string, string> };

const empty: ExpectationDraft = { kind: "equals", value: "", values: [], abs: "", rel: "", k: "3", pattern: "", json: "{}" };

/** How a value is typed for this output kind: labels and text as is, numbers as digits, JSON as JSON text. */
function valueText(value: unknown, outputKind: OutputKind): string {
  return outputKind !== "json" && typeof value === "string" ? value : JSON.stringify(value);
}

export function draftFromExpectation(expectation: Expectation | null, outputKind: OutputKind): ExpectationDraft {
  if (!expectation) return { ...empty, kind: outputKind === "number" ? "within" : "equals" };
  switch (expectation.kind) {
    case "equals":
    case "not_equals":
      return { ...empty, kind: expectation.kind, value: valueText(expectation.value, outputKind) };
    case "in_top_k":
      return { ...empty, kind: expectation.kind, value: valueText(expectation.value, outputKind), k: String(expectation.k) };
    case "one_of":
      return { ...empty, kind: expectation.kind, values: expectation.values.map((v) => valueText(v, outputKind)) };
    case "within":
      return { ...empty, kind: expectation.kind, value: String(expectation.value), abs: expectation.abs?.toString() ?? "", rel: expectation.rel?.toString() ?? "" };
    case "contains":
      return { ...empty, kind: expectation.kind, value: expectation.value };
    case "matches":
      return { ...empty, kind: expectation.kind, pattern: expectation.pattern };
    case "json_subset":
      return { ...empty, kind: expectation.kind, json: JSON.stringify(expectation.value, null, 2) };
    case "human":
      return { ...empty, kind: "human" };
  }
}

/**
 * The draft for the next pattern after "Save and add another": how the output is judged
 * (the kind, a tolerance, k) is kept; the expected value itself is cleared.
 */
export function draftForAnother(draft: ExpectationDraft): ExpectationDraft {
  return { ...empty, kind: draft.kind, abs: draft.abs, rel: draft.rel, k: draft.k };
}

function parseValue(text: string, outputKind: OutputKind): { ok: true; value: unknown } | { ok: false; message: string } {
  if (outputKind === "number") {
    const n = Number(text.trim());
    return text.trim() !== "" && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: "enter a number" };
  }
  if (outputKind === "json") {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (error) {
      return { ok: false, message: `not valid JSON: ${(error as Error).message}` };
    }
  }
  return text === "" ? { ok: false, message: outputKind === "label" ? "choose a label" : "is required" } : { ok: true, value: text };
}

function parseNumber(text: string, required: boolean): { ok: true; value: number | undefined } | { ok: false; message: string } {
  if (text.trim() === "") return required ? { ok: false, message: "enter a number" } : { ok: true, value: undefined };
  const n = Number(text.trim());
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: "enter a number" };
}

/** Why a `matches` pattern cannot be saved (RE2 cannot run it), or null. */
export function regexError(pattern: string): string | null {
  const compiled = compileMatchPattern(pattern);
  return compiled.ok ? null : compiled.message;
}

/** The draft as an expectation, or errors keyed like the API's paths ("value", "values", "abs", …). */
export function expectationFromDraft(draft: ExpectationDraft, outputKind: OutputKind): DraftResult {
  const errors: Record<string, string> = {};
  const done = (expectation: Expectation): DraftResult => (Object.keys(errors).length ? { ok: false, errors } : { ok: true, expectation });
  switch (draft.kind) {
    case "equals":
    case "not_equals": {
      const v = parseValue(draft.value, outputKind);
      if (!v.ok) errors.value = v.message;
      return done({ kind: draft.kind, value: v.ok ? (v.value as never) : null });
    }
    case "in_top_k": {
      const v = parseValue(draft.value, outputKind);
      if (!v.ok) errors.value = v.message;
      const k = parseNumber(draft.k, true);
      if (!k.ok || !Number.isInteger(k.value) || (k.value ?? 0) < 1) errors.k = "enter a whole number ≥ 1";
      return done({ kind: "in_top_k", value: v.ok ? (v.value as never) : null, k: k.ok ? (k.value ?? 1) : 1 });
    }
    case "one_of": {
      const values: unknown[] = [];
      for (const text of draft.values) {
        const v = parseValue(text, outputKind);
        if (v.ok) values.push(v.value);
        else errors.values = v.message;
      }
      if (values.length === 0 && !errors.values) errors.values = "add at least one value";
      return done({ kind: "one_of", values: values as never[] });
    }
    case "within": {
      const value = parseNumber(draft.value, true);
      const abs = parseNumber(draft.abs, false);
      const rel = parseNumber(draft.rel, false);
      if (!value.ok) errors.value = value.message;
      if (!abs.ok || (abs.value ?? 0) < 0) errors.abs = "enter a number ≥ 0, or leave empty";
      if (!rel.ok || (rel.value ?? 0) < 0) errors.rel = "enter a number ≥ 0 (0.1 = 10%), or leave empty";
      return done({
        kind: "within",
        value: value.ok ? (value.value ?? 0) : 0,
        ...(abs.ok && abs.value !== undefined ? { abs: abs.value } : {}),
        ...(rel.ok && rel.value !== undefined ? { rel: rel.value } : {}),
      });
    }
    case "contains":
      if (draft.value === "") errors.value = "is required";
      return done({ kind: "contains", value: draft.value });
    case "matches": {
      const problem = draft.pattern === "" ? "is required" : regexError(draft.pattern);
      if (problem) errors.pattern = problem;
      return done({ kind: "matches", pattern: draft.pattern });
    }
    case "json_subset": {
      let value: unknown;
      try {
        value = JSON.parse(draft.json);
        if (value === null || typeof value !== "object" || Array.isArray(value)) errors.value = "must be a JSON object";
      } catch (error) {
        errors.value = `not valid JSON: ${(error as Error).message}`;
      }
      return done({ kind: "json_subset", value: (value ?? {}) as Record<string, never> });
    }
    case "human":
      return done({ kind: "human" });
  }
}
