import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mcnemarExact } from "./mcnemar-exact";

describe("mcnemarExact", () => {
  // The reference values (R's mcnemar.exact / binom.test), then exact
  // rational sums 2·Σ C(n,i)/2ⁿ computed outside JavaScript (Python fractions).
  it.each([
    [0, 6, 0.03125],
    [1, 9, 0.021484375],
    [5, 5, 1],
    [0, 0, 1],
    [0, 1, 1],
    [2, 8, 0.109375],
    [3, 12, 0.03515625],
    [10, 25, 0.0166738478],
    [40, 60, 0.05688793],
  ])("b=%i, c=%i → p=%f", (b, c, expected) => {
    expect(mcnemarExact(b, c)).toBeCloseTo(expected, 5);
  });

  it("is exact where the p-value is a short binary fraction, as people compare it with α", () => {
    expect(mcnemarExact(0, 6)).toBe(0.03125);
    expect(mcnemarExact(6, 0)).toBe(0.03125);
    expect(mcnemarExact(1, 9)).toBe(0.021484375);
    expect(mcnemarExact(2, 8)).toBe(0.109375);
  });

  it("agrees across the switch from linear to log space", () => {
    // n = 1000 sums in linear space, n = 1001 in log space; both match the exact rational sum (Python fractions).
    expect(mcnemarExact(469, 531)).toBeCloseTo(0.0536778496, 9);
    expect(mcnemarExact(470, 531)).toBeCloseTo(0.0578505224, 9);
  });

  it("keeps precision and finiteness for huge counts", () => {
    // binom.test(499000, 1e6): p ≈ 0.0455 (z ≈ 2.0); a naive product would underflow to 0.
    const p = mcnemarExact(499_000, 501_000);
    expect(p).toBeGreaterThan(0.04);
    expect(p).toBeLessThan(0.05);
    expect(mcnemarExact(0, 5_000)).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(mcnemarExact(1_000_000, 1_000_000))).toBe(true);
  });

  it("refuses negative or fractional counts", () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(RangeError);
    expect(() => mcnemarExact(1.5, 2)).toThrow(RangeError);
  });

  const count = fc.integer({ min: 0, max: 400 });

  it("is symmetric in b and c", () => {
    fc.assert(fc.property(count, count, (b, c) => mcnemarExact(b, c) === mcnemarExact(c, b)));
  });

  it("lies in (0, 1]", () => {
    fc.assert(
      fc.property(count, count, (b, c) => {
        const p = mcnemarExact(b, c);
        return p > 0 && p <= 1;
      }),
    );
  });

  it("does not grow as the larger side grows with the smaller side fixed", () => {
    fc.assert(
      fc.property(count, count, (small, extra) => {
        const b = small;
        const c = small + extra;
        return mcnemarExact(b, c + 1) <= mcnemarExact(b, c) + 1e-12;
      }),
    );
  });
});
