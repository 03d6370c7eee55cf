import { describe, expect, it } from "vitest";
import { describeIncomplete } from "./describe-incomplete";

describe("describeIncomplete", () => {
  it("is null when every current pattern has a verdict and some are pass or fail", () => {
    expect(describeIncomplete({ pending: 0, missing: 0, ungraded: 0, judged: 12 })).toBeNull();
  });

  it("lists every reason the replay is incomplete", () => {
    expect(describeIncomplete({ pending: 2, missing: 1, ungraded: 3, judged: 5 })).toBe(
      "the replay is incomplete (2 patterns are still being replayed, 1 pattern has no result for this version, 3 outputs await a human grade)",
    );
    expect(describeIncomplete({ pending: 1, missing: 0, ungraded: 0, judged: 5 })).toBe("the replay is incomplete (1 pattern is still being replayed)");
  });

  it("refuses when nothing was judged pass or fail (only errors, or no patterns)", () => {
    expect(describeIncomplete({ pending: 0, missing: 0, ungraded: 0, judged: 0 })).toBe("no pattern has a pass or fail result to sign off on");
  });
});
