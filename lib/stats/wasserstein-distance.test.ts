import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wassersteinDistance } from "./wasserstein-distance";

const sample = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 40 });

describe("wassersteinDistance", () => {
  it("is the gap between two single points", () => {
    expect(wassersteinDistance([2], [5])).toBe(3);
  });

  it("matches scipy.stats.wasserstein_distance([0, 1, 3], [5, 6, 8]) = 5", () => {
    expect(wassersteinDistance([0, 1, 3], [5, 6, 8])).toBeCloseTo(5, 12);
  });

  it("matches scipy.stats.wasserstein_distance([0, 1], [0, 0, 1, 1, 1]) = 0.1", () => {
    expect(wassersteinDistance([0, 1], [0, 0, 1, 1, 1])).toBeCloseTo(0.1, 12);
  });

  it("is 0 when a side is empty", () => {
    expect(wassersteinDistance([], [1, 2])).toBe(0);
  });

  it("refuses values that are not finite", () => {
    expect(() => wassersteinDistance([Number.NaN], [1])).toThrow(RangeError);
  });

  it("is symmetric, 0 on itself and equals d for a sample shifted by d (property)", () => {
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: -50, max: 50 }), (a, b, d) => {
        expect(wassersteinDistance(a, a)).toBe(0);
        expect(wassersteinDistance(a, b)).toBeCloseTo(wassersteinDistance(b, a), 9);
        expect(wassersteinDistance(a, a.map((x) => x + d))).toBeCloseTo(Math.abs(d), 9);
      }),
    );
  });

  it("for equal sizes equals the mean gap of the sorted samples (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: -100, max: 100 }), { minLength: n, maxLength: n }))),
        ([a, b]) => {
          const x = [...a].sort((l, r) => l - r);
          const y = [...b].sort((l, r) => l - r);
          const meanGap = x.reduce((total, value, i) => total + Math.abs(value - y[i]!), 0) / x.length;
          expect(wassersteinDistance(a, b)).toBeCloseTo(meanGap, 9);
        },
      ),
    );
  });
});
