import { describe, expect, it } from "vitest";
import {
  DEMO_MODEL_VERSIONS,
  SENTIMENT_TRAITS,
  predictSentiment,
  rankLabels,
  readSentiment,
  traitHandling,
  type SentimentTrait,
  type TraitSkills,
} from "./sentiment-model";

const skilled = (value: number): TraitSkills => ({ negation: value, sarcasm: value, emoji: value, spanish: value, contrast: value });
const expert = { version: "test", skills: skilled(1), sharpness: 1.5 };
const novice = { version: "test", skills: skilled(0), sharpness: 1.5 };

describe("predictSentiment with every rule (the oracle)", () => {
  it.each([
    ["Excellent headphones, I love them.", "positive"],
    ["Terrible battery, broke after a week.", "negative"],
    ["It's fine.", "neutral"],
    ["The parcel arrived on Tuesday.", "neutral"],
    ["Not great, honestly.", "negative"],
    ["Not bad at all.", "positive"],
    ["Oh great, it stopped charging after two days.", "negative"],
    ["Oh great, it arrived early and works perfectly!", "positive"],
    ["😍😍", "positive"],
    ["😡👎", "negative"],
    ["Me encanta, excelente calidad.", "positive"],
    ["No funciona, muy malo.", "negative"],
    ["The screen is gorgeous but the battery died in a day.", "negative"],
    ["It arrived late but it works perfectly.", "positive"],
  ])("reads %j as %s", (text, label) => {
    expect(predictSentiment(expert, text).label).toBe(label);
  });

  it("detects the traits a review exercises", () => {
    expect([...readSentiment("Not great.").traits]).toEqual(["negation"]);
    expect(readSentiment("Thanks a lot, it broke.").traits.has("sarcasm")).toBe(true);
    expect(readSentiment("Thanks a lot, it is lovely and perfect.").traits.has("sarcasm")).toBe(false);
    expect(readSentiment("Muy bueno").traits.has("spanish")).toBe(true);
    expect(readSentiment("Good, but slow").traits.has("contrast")).toBe(true);
    expect(readSentiment("Plain words only").traits.size).toBe(0);
  });

  it("ends a negation's scope at punctuation", () => {
    expect(predictSentiment(expert, "No refund needed, great product").label).toBe("positive");
    expect(readSentiment("Not good, bad.").score).toBe(-2);
  });
});

describe("predictSentiment with a rule switched off (skill 0)", () => {
  it.each<[SentimentTrait, string, string]>([
    ["negation", "Not great, honestly.", "positive"],
    ["sarcasm", "Oh great, it stopped charging after two days.", "positive"],
    ["emoji", "😍😍", "neutral"],
    ["spanish", "Me encanta, excelente calidad.", "neutral"],
    ["contrast", "The screen is gorgeous but the battery died in a day.", "positive"],
  ])("makes the %s mistake on %j", (trait, text, mistake) => {
    const model = { ...expert, skills: { ...expert.skills, [trait]: 0 } };
    expect(predictSentiment(model, text).label).toBe(mistake);
    expect(predictSentiment(novice, text).label).toBe(mistake);
  });

  it("still reads plain reviews correctly", () => {
    expect(predictSentiment(novice, "Excellent headphones, I love them.").label).toBe("positive");
    expect(predictSentiment(novice, "Terrible battery, broke after a week.").label).toBe("negative");
  });
});

describe("traitHandling", () => {
  it("handles everything at skill 1 and nothing at skill 0", () => {
    for (const text of ["a", "b", "Not great", "😍"]) {
      expect(Object.values(traitHandling("1.0", skilled(1), text)).every(Boolean)).toBe(true);
      expect(Object.values(traitHandling("1.0", skilled(0), text)).some(Boolean)).toBe(false);
    }
  });

  it("handles roughly a skill's share of texts", () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `review ${i}`);
    for (const trait of SENTIMENT_TRAITS) {
      const share = texts.filter((t) => traitHandling("2.0", skilled(0.3), t)[trait]).length / texts.length;
      expect(share).toBeGreaterThan(0.25);
      expect(share).toBeLessThan(0.35);
    }
  });
});

describe("predictions", () => {
  it("are deterministic per version and text", () => {
    for (const version of DEMO_MODEL_VERSIONS) {
      const text = "Oh great, the zipper broke the first time I used it.";
      expect(predictSentiment(version, text)).toEqual(predictSentiment(version, text));
    }
  });

  it("have scores that sum to 1 with the label as argmax", () => {
    for (const text of ["Great!", "Awful.", "It's fine.", "😐", "Not bad"]) {
      const prediction = predictSentiment(expert, text);
      const { positive, negative, neutral } = prediction.scores;
      expect(positive + negative + neutral).toBeCloseTo(1, 10);
      expect(rankLabels(prediction)[0]).toBe(prediction.label);
    }
  });
});

describe("DEMO_MODEL_VERSIONS", () => {
  it("improves the overall metrics with every version", () => {
    for (let i = 1; i < DEMO_MODEL_VERSIONS.length; i++) {
      const [before, after] = [DEMO_MODEL_VERSIONS[i - 1]!.metrics, DEMO_MODEL_VERSIONS[i]!.metrics];
      expect(after.accuracy).toBeGreaterThan(before.accuracy);
      expect(after.macro_f1).toBeGreaterThan(before.macro_f1);
      expect(after.auc).toBeGreaterThan(before.auc);
    }
  });

  it("has one production version and trained-at dates in registration order", () => {
    expect(DEMO_MODEL_VERSIONS.filter((v) => v.status === "production").map((v) => v.version)).toEqual(["2.1"]);
    const dates = DEMO_MODEL_VERSIONS.map((v) => Date.parse(v.trainedAt));
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
  });
});
