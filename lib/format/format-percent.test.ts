import { describe, expect, it } from "vitest";
import { formatPercent, formatTarget } from "./format-percent";

describe("formatPercent", () => {
  it("rounds a measured rate to whole percents", () => {
    expect(formatPercent(0.4167)).toBe("42%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("formatTarget", () => {
  it("shows a target as entered, without rounding it to whole percents", () => {
    expect(formatTarget(0.125)).toBe("12.5%");
    expect(formatTarget(0.08)).toBe("8%");
    expect(formatTarget(0.1)).toBe("10%");
    expect(formatTarget(0)).toBe("0%");
    expect(formatTarget(1)).toBe("100%");
    // A ratchet-tightened target is a measured rate (1/15): two decimals at most.
    expect(formatTarget(1 / 15)).toBe("6.67%");
    expect(formatTarget(0.0005)).toBe("0.05%");
  });
});
