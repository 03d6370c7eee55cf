import { describe, expect, it } from "vitest";
import { checkExpectationFitsProject } from "./check-expectation-fits-project";

const labels = { outputKind: "label" as const, labels: ["positive", "negative", "neutral"] };

describe("checkExpectationFitsProject", () => {
  it("accepts known labels on label projects", () => {
    expect(checkExpectationFitsProject(labels, { kind: "equals", value: "negative" })).toEqual([]);
    expect(checkExpectationFitsProject(labels, { kind: "one_of", values: ["negative", "neutral"] })).toEqual([]);
    expect(checkExpectationFitsProject(labels, { kind: "in_top_k", value: "positive", k: 2 })).toEqual([]);
    expect(checkExpectationFitsProject(labels, { kind: "human" })).toEqual([]);
  });

  it("names the unknown label and where it is", () => {
    expect(checkExpectationFitsProject(labels, { kind: "equals", value: "angry" })).toEqual([
      { path: "body.expectation.value", message: 'not a label of this project: "angry" (labels: positive, negative, neutral)' },
    ]);
    expect(checkExpectationFitsProject(labels, { kind: "one_of", values: ["positive", "meh"] }, "row 3: expectation")).toEqual([
      { path: "row 3: expectation.values.1", message: expect.stringContaining('not a label of this project: "meh"') },
    ]);
    expect(checkExpectationFitsProject(labels, { kind: "not_equals", value: 1 })[0]?.message).toBe("must be a label (a string)");
  });

  it("accepts any string label when the project declares none", () => {
    expect(checkExpectationFitsProject({ outputKind: "label", labels: [] }, { kind: "equals", value: "muffin" })).toEqual([]);
  });

  it("allows within only where outputs can be numbers", () => {
    expect(checkExpectationFitsProject(labels, { kind: "within", value: 3, abs: 0.5 })[0]).toMatchObject({ path: "body.expectation.kind" });
    expect(checkExpectationFitsProject({ outputKind: "text", labels: [] }, { kind: "within", value: 3 })[0]?.path).toBe("body.expectation.kind");
    expect(checkExpectationFitsProject({ outputKind: "number", labels: [] }, { kind: "within", value: 3, rel: 0.1 })).toEqual([]);
  });

  it("wants numbers on number projects and strings on text projects", () => {
    const numbers = { outputKind: "number" as const, labels: [] };
    expect(checkExpectationFitsProject(numbers, { kind: "equals", value: 4 })).toEqual([]);
    expect(checkExpectationFitsProject(numbers, { kind: "equals", value: "4" })[0]?.message).toMatch(/must be a number/);
    expect(checkExpectationFitsProject(numbers, { kind: "contains", value: "4" })[0]?.path).toBe("body.expectation.kind");
    const text = { outputKind: "text" as const, labels: [] };
    expect(checkExpectationFitsProject(text, { kind: "matches", pattern: "^refund" })).toEqual([]);
    expect(checkExpectationFitsProject(text, { kind: "one_of", values: ["a", 2] })).toEqual([{ path: "body.expectation.values.1", message: expect.stringMatching(/must be a string/) }]);
  });

  it("keeps json_subset for JSON projects and in_top_k for label projects", () => {
    const json = { outputKind: "json" as const, labels: [] };
    expect(checkExpectationFitsProject(json, { kind: "json_subset", value: { a: 1 } })).toEqual([]);
    expect(checkExpectationFitsProject(json, { kind: "equals", value: { a: [1] } })).toEqual([]);
    expect(checkExpectationFitsProject(labels, { kind: "json_subset", value: { a: 1 } })[0]?.path).toBe("body.expectation.kind");
    expect(checkExpectationFitsProject(json, { kind: "in_top_k", value: "a", k: 1 })[0]?.path).toBe("body.expectation.kind");
  });
});
