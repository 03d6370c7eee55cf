import { describe, expect, it } from "vitest";
import { formatPValue } from "./format-p-value";

describe("formatPValue", () => {
  it("shows two significant digits, 1 as 1, and tiny values as a bound", () => {
    expect(formatPValue(0.03125)).toBe("p = 0.031");
    expect(formatPValue(0.021484375)).toBe("p = 0.021");
    expect(formatPValue(0.109375)).toBe("p = 0.11");
    expect(formatPValue(0.5)).toBe("p = 0.50");
    expect(formatPValue(1)).toBe("p = 1");
    expect(formatPValue(0.0009)).toBe("p < 0.001");
    expect(formatPValue(0.001)).toBe("p = 0.001");
  });
});
