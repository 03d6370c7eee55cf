import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ksStatistic } from "./ks-statistic";

const sample = fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 40 });

describe("ksStatistic", () => {
  it("is 1 for samples that do not overlap", () => {
    expect(ksStatistic([1, 2, 3], [10, 11])).toBe(1);
  });

  it("matches scipy.stats.ks_2samp([1, 2, 3, 4], [3, 4, 5, 6]).statistic = 0.5", () => {
    expect(ksStatistic([1, 2, 3, 4], [3, 4, 5, 6])).toBe(0.5);
  });

  it("moves ties together: [1, 1, 2] against [1, 2, 2] is 1/3", () => {
    expect(ksStatistic([1, 1, 2], [1, 2, 2])).toBeCloseTo(1 / 3, 12);
  });

  it("is 0 when a side is empty", () => {
    expect(ksStatistic([], [1])).toBe(0);
  });

  it("lies in [0, 1], is symmetric and 0 on itself (property)", () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const d = ksStatistic(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(ksStatistic(b, a)).toBe(d);
        expect(ksStatistic(a, a)).toBe(0);
      }),
    );
  });

  it("ignores order and a monotone rescaling of both samples (property)", () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        expect(ksStatistic([...a].reverse(), b)).toBe(ksStatistic(a, b));
        expect(ksStatistic(a.map((x) => 3 * x + 7), b.map((x) => 3 * x + 7))).toBe(ksStatistic(a, b));
      }),
    );
  });
});
