import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson-interval";

describe("wilsonInterval", () => {
  it("gives the whole range when there are no observations", () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it("0 of 10 starts at 0 and reaches about 27.75%", () => {
    const { low, high } = wilsonInterval(0, 10);
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.2775, 4);
  });

  it("10 of 10 mirrors 0 of 10", () => {
    const { low, high } = wilsonInterval(10, 10);
    expect(low).toBeCloseTo(0.7225, 4);
    expect(high).toBe(1);
  });

  it("5 of 10 is symmetric around one half: [0.2366, 0.7634]", () => {
    const { low, high } = wilsonInterval(5, 10);
    expect(low).toBeCloseTo(0.2366, 4);
    expect(high).toBeCloseTo(0.7634, 4);
  });

  it("1 of 12 matches the published value [0.0149, 0.3539]", () => {
    const { low, high } = wilsonInterval(1, 12);
    expect(low).toBeCloseTo(0.0149, 4);
    expect(high).toBeCloseTo(0.3539, 4);
  });

  it("narrows as n grows at the same rate", () => {
    const small = wilsonInterval(3, 10);
    const large = wilsonInterval(300, 1000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(large.low).toBeLessThan(0.3);
    expect(large.high).toBeGreaterThan(0.3);
  });

  it("honours a different z (about 90% with z = 1.644854)", () => {
    const ninety = wilsonInterval(5, 10, 1.644854);
    const ninetyFive = wilsonInterval(5, 10);
    expect(ninety.low).toBeGreaterThan(ninetyFive.low);
    expect(ninety.high).toBeLessThan(ninetyFive.high);
  });

  it("rejects counts outside 0..n", () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
  });
});
