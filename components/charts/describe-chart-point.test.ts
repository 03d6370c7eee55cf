import { describe, expect, it } from "vitest";
import { describeChartPoint } from "./describe-chart-point";

const series = { key: "SENT-1", title: "Sarcasm read as praise", target: 0.2 };

describe("describeChartPoint", () => {
  it("says problem, version, rate, 95% interval, n and the target, and names the lines on the same point", () => {
    expect(
      describeChartPoint({
        series,
        modelVersion: "sentiment 2.1",
        production: true,
        point: { errorRate: 3 / 13, n: 13, low: 0.082, high: 0.503, errored: 0 },
        samePointAs: ["SENT-4", "SENT-5"],
      }),
    ).toBe(
      "SENT-1 Sarcasm read as praise, sentiment 2.1 (production): error rate 23%, 95% interval 8%–50%, n = 13, above target ≤ 20%. Same point as SENT-4, SENT-5.",
    );
  });

  it("says within target, thin evidence and errored calls", () => {
    expect(
      describeChartPoint({ series, modelVersion: "sentiment 3.0", production: false, point: { errorRate: 0.125, n: 8, low: 0.02, high: 0.47, errored: 2 }, samePointAs: [] }),
    ).toBe("SENT-1 Sarcasm read as praise, sentiment 3.0: error rate 13%, 95% interval 2%–47%, n = 8 (thin evidence), within target ≤ 20%, 2 errored.");
  });

  it("says no result where nothing was graded", () => {
    expect(describeChartPoint({ series, modelVersion: "sentiment 1.0", production: false, point: null, samePointAs: [] })).toBe(
      "SENT-1 Sarcasm read as praise, sentiment 1.0: no result.",
    );
    expect(
      describeChartPoint({ series, modelVersion: "sentiment 1.0", production: false, point: { errorRate: null, n: 0, low: 0, high: 1, errored: 13 }, samePointAs: [] }),
    ).toBe("SENT-1 Sarcasm read as praise, sentiment 1.0: no result (13 errored calls).");
  });
});
