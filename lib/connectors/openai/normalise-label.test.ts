import { describe, expect, it } from "vitest";
import { normaliseLabel } from "./normalise-label";

const labels = ["positive", "negative", "Not Sure"];

describe("normaliseLabel", () => {
  it.each([
    ["positive", "positive"],
    ["  Positive.\n", "positive"],
    ["NEGATIVE!", "negative"],
    ['"negative"', "negative"],
    ["**Positive**", "positive"],
    ["not sure", "Not Sure"],
    ["Not-sure?", "Not Sure"],
  ])("maps %j to the project label %j", (answer, label) => {
    expect(normaliseLabel(answer, labels)).toBe(label);
  });

  it.each(["The review is positive.", "positive or negative", "", "neutral", "   "])("returns the raw answer %j when it names no single label", (answer) => {
    expect(normaliseLabel(answer, labels)).toBe(answer);
  });
});
