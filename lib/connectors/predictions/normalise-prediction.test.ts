import { describe, expect, it } from "vitest";
import { normalisePrediction, predictionIsProjectLabel } from "./normalise-prediction";

const project = { outputKind: "label" as const, labels: ["positive", "negative", "Neutral"] };

describe("normalisePrediction", () => {
  it("trims, ignores case and trailing punctuation, onto exactly one project label", () => {
    expect(normalisePrediction(" positive", project)).toBe("positive");
    expect(normalisePrediction("POSITIVE", project)).toBe("positive");
    expect(normalisePrediction("Negative.", project)).toBe("negative");
    expect(normalisePrediction("neutral!\n", project)).toBe("Neutral");
    expect(normalisePrediction([{ label: " NEGATIVE ", score: 0.9 }, "Positive"], project)).toEqual([{ label: "negative", score: 0.9 }, "positive"]);
  });

  it("leaves what is not a label (trimmed) and flags it, and does not touch other project kinds", () => {
    expect(normalisePrediction(" mixed ", project)).toBe("mixed");
    expect(predictionIsProjectLabel("mixed", project)).toBe(false);
    expect(predictionIsProjectLabel("Positive.", project)).toBe(true);
    const ambiguous = { outputKind: "label" as const, labels: ["Yes", "yes"] };
    expect(normalisePrediction("YES", ambiguous)).toBe("YES");
    expect(normalisePrediction(" Positive ", { outputKind: "text", labels: [] })).toBe(" Positive ");
  });
});
