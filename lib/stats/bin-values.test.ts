import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binValues } from "./bin-values";

describe("binValues", () => {
  it("bins like the API's SQL histogram: √16 = 4 bins of width 2.5 over [0, 10], the largest value in the last bin", () => {
    expect(binValues([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10, 10, 10])).toEqual([
      { value: 0, count: 3 },
      { value: 2.5, count: 2 },
      { value: 5, count: 3 },
      { value: 7.5, count: 8 },
    ]);
  });

  it("gives one bin for equal values and none for no values", () => {
    expect(binValues([4, 4, 4])).toEqual([{ value: 4, count: 3 }]);
    expect(binValues([])).toEqual([]);
  });

  it("gives whole-number values whole bin widths: lengths 7…44 in ⌈√8⌉ = 3 bins of 13", () => {
    expect(binValues([7, 10, 19, 20, 33, 34, 35, 44], 20, { integer: true })).toEqual([
      { value: 7, count: 3 },
      { value: 20, count: 1 },
      { value: 33, count: 4 },
    ]);
  });

  it("counts every value once, in at most maxBins ascending bins (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 30 }), (values, maxBins) => {
        const bins = binValues(values, maxBins);
        expect(bins.length).toBeLessThanOrEqual(maxBins);
        const whole = values.map(Math.round);
        const integerBins = binValues(whole, maxBins, { integer: true });
        expect(integerBins.length).toBeLessThanOrEqual(maxBins);
        expect(integerBins.reduce((sum, b) => sum + b.count, 0)).toBe(whole.length);
        for (const bin of integerBins) expect(Number.isInteger(bin.value)).toBe(true);
        expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(values.length);
        // The first bin starts at the smallest value; + 0 reads -0 as 0 (toBe is Object.is), as JSON does.
        expect(bins[0]!.value).toBe(Math.min(...values) + 0);
        for (let i = 1; i < bins.length; i++) expect(bins[i]!.value).toBeGreaterThan(bins[i - 1]!.value);
      }),
    );
  });
});
