import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, hashJson } from "./canonical-json";
import type { Expectation } from "./expectation.schema";
import { judgeOutput } from "./judge-output";

type Json = Extract<Expectation, { kind: "equals" }>["value"];

// Laws every expectation kind must obey, for any JSON output fast-check can think of.

const json = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
const label = fc.constantFrom("positive", "negative", "neutral", "Positive", "", "x y");
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
const tolerance = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e6 });

/** The same JSON value with its object keys in another order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]));
  }
  return value;
}

describe("judgeOutput laws", () => {
  it("equals passes for the value itself in any key order, and not_equals is its exact opposite on any output", () => {
    fc.assert(
      fc.property(json, json, (value, output) => {
        expect(judgeOutput({ kind: "equals", value }, reordered(value))).toBe("pass");
        const eq = judgeOutput({ kind: "equals", value }, output);
        const neq = judgeOutput({ kind: "not_equals", value }, output);
        expect(eq === "pass").toBe(neq === "fail");
      }),
    );
  });

  it("equals agrees with canonical JSON equality", () => {
    fc.assert(
      fc.property(json, json, (value, output) => {
        const same = canonicalJson(value) === canonicalJson(output);
        expect(judgeOutput({ kind: "equals", value }, output) === "pass").toBe(same);
        expect(hashJson(value) === hashJson(output)).toBe(same);
      }),
    );
  });

  it("one_of passes exactly when some listed value equals the output", () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), label, (values, output) => {
        expect(judgeOutput({ kind: "one_of", values }, output) === "pass").toBe(values.includes(output));
      }),
    );
  });

  it("within is symmetric around the value and monotone in its tolerance", () => {
    fc.assert(
      fc.property(finite, finite, tolerance, tolerance, (value, delta, abs, extra) => {
        const up = judgeOutput({ kind: "within", value, abs }, value + delta);
        const down = judgeOutput({ kind: "within", value, abs }, value - delta);
        expect(up).toBe(down);
        if (up === "pass") expect(judgeOutput({ kind: "within", value, abs: abs + extra }, value + delta)).toBe("pass");
        expect(judgeOutput({ kind: "within", value, abs }, value)).toBe("pass");
      }),
    );
  });

  it("within fails every non-number output", () => {
    fc.assert(
      fc.property(json.filter((v) => typeof v !== "number"), finite, (output, value) => {
        expect(judgeOutput({ kind: "within", value, abs: 1e9 }, output)).toBe("fail");
      }),
    );
  });

  it("contains passes for any text that embeds the value, and matches with an escaped literal agrees with contains", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (before, needle, after) => {
        const text = before + needle + after;
        expect(judgeOutput({ kind: "contains", value: needle }, text)).toBe("pass");
        const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        expect(judgeOutput({ kind: "matches", pattern: escaped }, text)).toBe("pass");
      }),
    );
  });

  it("json_subset: every value is a subset of itself and of itself with extra keys", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), json, { maxKeys: 4 }), fc.string({ minLength: 1 }), json, (value: Record<string, Json>, key, extra) => {
        expect(judgeOutput({ kind: "json_subset", value }, reordered(value))).toBe("pass");
        const widened: Record<string, Json> = Object.hasOwn(value, key) ? value : { ...value, [key]: extra };
        expect(judgeOutput({ kind: "json_subset", value }, widened)).toBe("pass");
      }),
    );
  });

  it("in_top_k passes exactly when the label is among the first k, and a larger k never turns pass into fail", () => {
    fc.assert(
      fc.property(fc.uniqueArray(label, { minLength: 1, maxLength: 6 }), label, fc.integer({ min: 1, max: 6 }), (ranked, value, k) => {
        const verdict = judgeOutput({ kind: "in_top_k", value, k }, ranked);
        expect(verdict === "pass").toBe(ranked.slice(0, k).includes(value));
        if (verdict === "pass") expect(judgeOutput({ kind: "in_top_k", value, k: k + 1 }, ranked)).toBe("pass");
      }),
    );
  });

  it("human expectations always wait for a person", () => {
    fc.assert(
      fc.property(json, (output) => {
        expect(judgeOutput({ kind: "human" }, output)).toBe("needs_grade");
      }),
    );
  });
});
