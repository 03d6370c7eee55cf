import { describe, expect, it } from "vitest";
import { describeMeasurements, measure, notMeasuredReason, summariseMeasurements } from "./measurement";

const rate = (passed: number, failed: number, errored = 0, ungraded = 0) => ({
  n: passed + failed,
  errorRate: passed + failed === 0 ? null : failed / (passed + failed),
  errored,
  ungraded,
});

describe("measure", () => {
  it("reads no result, every call errored and only awaiting a grade as not measured, never under target", () => {
    expect(measure(null, 0.2)).toBe("not_measured");
    expect(measure(rate(0, 0, 13), 0.2)).toBe("not_measured");
    expect(measure(rate(0, 0, 0, 2), 0.2)).toBe("not_measured");
  });

  it("compares a measured rate with the target (at the target is not above)", () => {
    expect(measure(rate(8, 2), 0.2)).toBe("at_or_under_target");
    expect(measure(rate(7, 3), 0.2)).toBe("above_target");
    expect(measure(rate(0, 1, 12), 0.5)).toBe("above_target");
  });
});

describe("notMeasuredReason", () => {
  it("names what the version has instead of evidence", () => {
    expect(notMeasuredReason(null)).toBe("no pass or fail result");
    expect(notMeasuredReason({ errored: 13, ungraded: 0 })).toBe("every call errored (13)");
    expect(notMeasuredReason({ errored: 0, ungraded: 2 })).toBe("only awaiting a grade (2)");
    expect(notMeasuredReason({ errored: 1, ungraded: 2 })).toBe("only errored calls (1) and outputs awaiting a grade (2)");
  });
});

describe("summariseMeasurements and describeMeasurements", () => {
  it("a version whose every call errored reads not measured, with no above-target count", () => {
    const summary = summariseMeasurements([{ rate: rate(0, 0, 13), target: 0.2 }]);
    expect(summary).toEqual({ problems: 1, aboveTarget: 0, atOrUnderTarget: 0, notMeasured: 1 });
    expect(describeMeasurements(summary)).toEqual({ aboveTarget: null, notMeasured: "The problem not measured: no pass or fail result" });
  });

  it("counts not measured apart from the measured problems", () => {
    const summary = summariseMeasurements([
      { rate: rate(7, 3), target: 0.2 },
      { rate: rate(9, 1), target: 0.2 },
      { rate: null, target: 0.2 },
    ]);
    expect(summary).toEqual({ problems: 3, aboveTarget: 1, atOrUnderTarget: 1, notMeasured: 1 });
    expect(describeMeasurements(summary)).toEqual({ aboveTarget: "1 of 2 measured problems above target", notMeasured: "1 problem not measured" });
  });

  it("says nothing about measurement when every problem was measured", () => {
    const summary = summariseMeasurements([{ rate: rate(9, 1), target: 0.2 }, { rate: rate(5, 5), target: 0.2 }]);
    expect(describeMeasurements(summary)).toEqual({ aboveTarget: "1 of 2 problems above target", notMeasured: null });
    expect(describeMeasurements(summariseMeasurements([null, null].map((r) => ({ rate: r, target: 0.1 }))))).toEqual({
      aboveTarget: null,
      notMeasured: "All 2 problems not measured: no pass or fail result",
    });
  });
});
