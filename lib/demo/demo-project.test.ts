import { describe, expect, it } from "vitest";
import { expectationSchema } from "@/lib/scoring/expectation.schema";
import { judgeOutput } from "@/lib/scoring/judge-output";
import { DEMO_PROBLEMS } from "./demo-project";
import { demoOutputFor } from "./demo-output-for";
import { DEMO_MODEL_VERSIONS, predictSentiment, type DemoModelVersion } from "./sentiment-model";

function errorRates(problemIndex: number): number[] {
  const problem = DEMO_PROBLEMS[problemIndex]!;
  return DEMO_MODEL_VERSIONS.map((version) => {
    const failed = problem.patterns.filter(
      (p) => judgeOutput(p.expectation, demoOutputFor(p.expectation, predictSentiment(version, p.text))) === "fail",
    ).length;
    return failed / problem.patterns.length;
  });
}

const isDecreasing = (rates: number[]) => rates.every((rate, i) => i === 0 || rate < rates[i - 1]!);

describe("DEMO_PROBLEMS", () => {
  it("has 10–15 valid patterns per problem, with a control and in_top_k/one_of expectations somewhere", () => {
    for (const problem of DEMO_PROBLEMS) {
      expect(problem.patterns.length).toBeGreaterThanOrEqual(10);
      expect(problem.patterns.length).toBeLessThanOrEqual(15);
      expect(problem.patterns.some((p) => p.purpose === "control")).toBe(true);
      for (const pattern of problem.patterns) expect(expectationSchema.parse(pattern.expectation)).toEqual(pattern.expectation);
    }
    const kinds = DEMO_PROBLEMS.flatMap((p) => p.patterns.map((pattern) => pattern.expectation.kind));
    expect(kinds).toContain("one_of");
    expect(kinds).toContain("in_top_k");
  });

  it("is passed entirely by a model that applies every rule", () => {
    const expert: Pick<DemoModelVersion, "version" | "skills" | "sharpness"> = {
      version: "expert",
      skills: { negation: 1, sarcasm: 1, emoji: 1, spanish: 1, contrast: 1 },
      sharpness: 1,
    };
    for (const problem of DEMO_PROBLEMS) {
      for (const p of problem.patterns) {
        expect(judgeOutput(p.expectation, demoOutputFor(p.expectation, predictSentiment(expert, p.text))), p.text).toBe("pass");
      }
    }
  });
});

describe("the demo's story across model versions", () => {
  it("SENT-1 sarcasm is fixed: from ≥ 80% to at or under target", () => {
    const rates = errorRates(0);
    expect(rates[0]).toBeGreaterThanOrEqual(0.8);
    expect(isDecreasing(rates)).toBe(true);
    expect(rates.at(-1)).toBeLessThanOrEqual(DEMO_PROBLEMS[0]!.target);
  });

  it("SENT-2 negation is fine through 2.1 and regresses in 3.0", () => {
    const rates = errorRates(1);
    for (const rate of rates.slice(0, -1)) expect(rate).toBeLessThanOrEqual(DEMO_PROBLEMS[1]!.target);
    expect(rates.at(-1)).toBeGreaterThanOrEqual(0.4);
  });

  it("SENT-3 emoji is stuck above target on every version", () => {
    for (const rate of errorRates(2)) {
      expect(rate).toBeGreaterThanOrEqual(0.4);
      expect(rate).toBeLessThanOrEqual(0.55);
    }
  });

  it("SENT-4 Spanish is bad before 2.0, then improves to target", () => {
    const rates = errorRates(3);
    expect(Math.min(rates[0]!, rates[1]!)).toBeGreaterThanOrEqual(0.6);
    expect(isDecreasing(rates)).toBe(true);
    expect(rates[3]).toBeLessThanOrEqual(DEMO_PROBLEMS[3]!.target);
  });

  it("SENT-5 mixed reviews improve steadily", () => {
    const rates = errorRates(4);
    expect(isDecreasing(rates)).toBe(true);
    expect(rates.at(-1)).toBeLessThanOrEqual(DEMO_PROBLEMS[4]!.target);
  });
});
