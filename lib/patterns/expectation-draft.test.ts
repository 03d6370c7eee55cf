import { describe, expect, it } from "vitest";
import type { Expectation } from "@/lib/scoring/expectation.schema";
import { draftForAnother, draftFromExpectation, expectationFromDraft } from "./expectation-draft";

describe("expectation drafts", () => {
  it("round-trip every kind through the form's text fields", () => {
    const cases: [Expectation, "label" | "number" | "text" | "json"][] = [
      [{ kind: "equals", value: "negative" }, "label"],
      [{ kind: "not_equals", value: 4 }, "number"],
      [{ kind: "one_of", values: ["a", "b"] }, "text"],
      [{ kind: "within", value: 3, abs: 0.5 }, "number"],
      [{ kind: "contains", value: "refund" }, "text"],
      [{ kind: "matches", pattern: "^yes$" }, "text"],
      [{ kind: "json_subset", value: { a: [1, 2] } }, "json"],
      [{ kind: "equals", value: { a: 1 } }, "json"],
      [{ kind: "in_top_k", value: "chihuahua", k: 3 }, "label"],
      [{ kind: "human" }, "label"],
    ];
    for (const [expectation, outputKind] of cases) {
      expect(expectationFromDraft(draftFromExpectation(expectation, outputKind), outputKind)).toEqual({ ok: true, expectation });
    }
  });

  it("names the field a half-typed value is wrong in", () => {
    const draft = draftFromExpectation(null, "number");
    expect(expectationFromDraft({ ...draft, kind: "within", value: "3", abs: "-1" }, "number")).toEqual({ ok: false, errors: { abs: expect.any(String) } });
    expect(expectationFromDraft({ ...draft, kind: "matches", pattern: "([" }, "text")).toMatchObject({ ok: false, errors: { pattern: expect.any(String) } });
    expect(expectationFromDraft({ ...draft, kind: "json_subset", json: "[1]" }, "json")).toEqual({ ok: false, errors: { value: "must be a JSON object" } });
    expect(expectationFromDraft({ ...draft, kind: "one_of", values: [] }, "label")).toEqual({ ok: false, errors: { values: "add at least one value" } });
    expect(expectationFromDraft({ ...draft, kind: "equals", value: "" }, "label")).toEqual({ ok: false, errors: { value: "choose a label" } });
  });

  it("start the next pattern of \"Save and add another\" judged the same way, with the expected value cleared", () => {
    const within = draftForAnother(draftFromExpectation({ kind: "within", value: 3, abs: 0.5, rel: 0.1 }, "number"));
    expect(within).toMatchObject({ kind: "within", value: "", abs: "0.5", rel: "0.1" });
    expect(expectationFromDraft(within, "number").ok).toBe(false);
    expect(draftForAnother(draftFromExpectation({ kind: "in_top_k", value: "negative", k: 2 }, "label"))).toMatchObject({ kind: "in_top_k", value: "", k: "2" });
    expect(draftForAnother(draftFromExpectation({ kind: "one_of", values: ["a", "b"] }, "text"))).toMatchObject({ kind: "one_of", values: [] });
    expect(draftForAnother(draftFromExpectation({ kind: "matches", pattern: "^yes$" }, "text"))).toMatchObject({ kind: "matches", pattern: "" });
    expect(draftForAnother(draftFromExpectation({ kind: "json_subset", value: { a: 1 } }, "json"))).toMatchObject({ kind: "json_subset", json: "{}" });
    expect(draftForAnother(draftFromExpectation({ kind: "human" }, "text"))).toMatchObject({ kind: "human" });
  });
});
