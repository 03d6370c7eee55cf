import { describe, expect, it } from "vitest";
import { measureOutputShift } from "./measure-output-shift";

describe("measureOutputShift", () => {
  it("measures labels by Jensen–Shannon distance and lists the labels that moved most first", () => {
    const shift = measureOutputShift(
      { kind: "categorical", counts: new Map([["positive", 6], ["negative", 2], ["neutral", 2]]) },
      { kind: "categorical", counts: new Map([["positive", 2], ["negative", 6], ["neutral", 2]]) },
    );
    expect(shift.statistic).toBe("jensen_shannon");
    expect(shift.value).toBeGreaterThan(0.2);
    expect(shift.value).toBeLessThan(1);
    expect(shift.wasserstein).toBeNull();
    expect(shift.moved.map((m) => m.value)).toEqual(["negative", "positive", "neutral"]);
    expect(shift.moved[0]).toMatchObject({ from: 0.2, to: 0.6 });
    expect(shift.moved[0]!.change).toBeCloseTo(0.4, 12);
    expect(shift.moved[2]!.change).toBe(0);
  });

  it("measures numbers by KS with Wasserstein-1 beside it", () => {
    const shift = measureOutputShift({ kind: "numeric", values: [1, 2, 3, 4] }, { kind: "numeric", values: [3, 4, 5, 6] });
    expect(shift).toEqual({ statistic: "ks", value: 0.5, wasserstein: 2, moved: [] });
  });

  it("refuses to compare a labelled with a numeric sample", () => {
    expect(() => measureOutputShift({ kind: "numeric", values: [1] }, { kind: "categorical", counts: new Map() })).toThrow(TypeError);
  });
});
