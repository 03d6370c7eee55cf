import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jensenShannonDistance, jensenShannonDistanceOfCounts } from "./jensen-shannon-distance";

const counts = (length: number) => fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: length, maxLength: length });
const pairOfCounts = fc.integer({ min: 1, max: 8 }).chain((length) => fc.tuple(counts(length), counts(length)));

describe("jensenShannonDistance", () => {
  it("is 0 for the same shape, whatever the sample sizes", () => {
    expect(jensenShannonDistance([1, 2, 3], [10, 20, 30])).toBe(0);
  });

  it("is 1 for distributions with disjoint support (base 2)", () => {
    expect(jensenShannonDistance([5, 0], [0, 7])).toBeCloseTo(1, 12);
  });

  it("matches the value computed by hand for [1/2, 1/2] against [1, 0]", () => {
    // M = [3/4, 1/4]; JSD = ½·(½log2(⅔) + ½log2(2)) + ½·log2(4/3) = 0.311278…; distance = √JSD.
    expect(jensenShannonDistance([1, 1], [1, 0])).toBeCloseTo(Math.sqrt(0.3112781244591328), 12);
  });

  it("is 0 when one side has no observations", () => {
    expect(jensenShannonDistance([0, 0], [3, 4])).toBe(0);
  });

  it("refuses unaligned or negative counts", () => {
    expect(() => jensenShannonDistance([1], [1, 2])).toThrow(RangeError);
    expect(() => jensenShannonDistance([-1, 2], [1, 2])).toThrow(RangeError);
  });

  it("lies in [0, 1], is symmetric and is 0 on itself (property)", () => {
    fc.assert(
      fc.property(pairOfCounts, ([a, b]) => {
        const d = jensenShannonDistance(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(jensenShannonDistance(b, a)).toBeCloseTo(d, 12);
        expect(jensenShannonDistance(a, a)).toBeCloseTo(0, 6);
      }),
    );
  });

  it("obeys the triangle inequality, being a metric (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((length) => fc.tuple(counts(length), counts(length), counts(length))),
        ([a, b, c]) => {
          const nonEmpty = [a, b, c].every((v) => v.some((x) => x > 0));
          fc.pre(nonEmpty);
          expect(jensenShannonDistance(a, c)).toBeLessThanOrEqual(jensenShannonDistance(a, b) + jensenShannonDistance(b, c) + 1e-9);
        },
      ),
    );
  });

  it("aligns count maps on the union of their categories", () => {
    const a = new Map([["positive", 3], ["negative", 1]]);
    const b = new Map([["negative", 1], ["neutral", 3]]);
    expect(jensenShannonDistanceOfCounts(a, b)).toBeCloseTo(jensenShannonDistance([3, 1, 0], [0, 1, 3]), 12);
    expect(jensenShannonDistanceOfCounts(a, new Map([["negative", 2], ["positive", 6]]))).toBe(0);
  });
});
