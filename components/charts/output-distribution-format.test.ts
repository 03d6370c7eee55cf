import { describe, expect, it } from "vitest";
import { formatBucketValue, formatShare } from "./output-distribution-format";

describe("formatBucketValue", () => {
  it("shows labels and texts as they are", () => {
    expect(formatBucketValue("label", "positive")).toBe("positive");
    expect(formatBucketValue("text", "8")).toBe("8");
  });

  it("shows a histogram bin from its lower bound to the next bin's, the last one open-ended", () => {
    expect(formatBucketValue("number", 0, 2.5)).toBe("0–2.5");
    expect(formatBucketValue("length", 120, 240)).toBe("120–239");
    expect(formatBucketValue("length", 7, 8)).toBe("7");
    expect(formatBucketValue("number", 7.5)).toBe("7.5+");
    expect(formatBucketValue("number", 0.012345, 0.5)).toBe("0.012–0.50");
  });
});

describe("formatShare", () => {
  it("rounds to whole percent, keeping a decimal for shares under 1%", () => {
    expect(formatShare(0.4)).toBe("40%");
    expect(formatShare(0.004)).toBe("0.4%");
    expect(formatShare(0)).toBe("0%");
  });
});
