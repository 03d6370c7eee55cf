import { describe, expect, it } from "vitest";
import { CHART_MAX_LINES, dashboardSearch, parseDashboardQuery, versionWindow } from "./dashboard-query";

describe("parseDashboardQuery", () => {
  it("reads filters, search, page and the chart's problems, and round-trips through dashboardSearch", () => {
    const query = parseDashboardQuery({ severity: ["high", "low"], status: "open", q: " sarc ", above: "1", page: "3", chart: "SENT-1,SENT-4", versions: "2" });
    expect(query).toEqual({
      severities: ["high", "low"], statuses: ["open"], q: "sarc", aboveTarget: true, page: 3, limit: 25, chart: ["SENT-1", "SENT-4"], versionPage: 2, smallMultiples: false,
    });
    expect(parseDashboardQuery(Object.fromEntries(new URLSearchParams(dashboardSearch(query).slice(1)).entries()))).toMatchObject({ q: "sarc", page: 3, aboveTarget: true, versionPage: 2 });
    expect(dashboardSearch(query, { page: 1, chart: [], versionPage: 1 })).toBe("?severity=high&severity=low&status=open&q=sarc&above=1");
  });

  it("falls back to defaults for what it does not understand and caps the chart at its line limit", () => {
    const query = parseDashboardQuery({ page: "-2", limit: "1000", above: "yes", severity: "bogus", versions: "0.5", chart: Array.from({ length: 20 }, (_, i) => `K-${i}`) });
    expect(query).toMatchObject({ page: 1, limit: 25, aboveTarget: false, severities: [], versionPage: 1 });
    expect(dashboardSearch({ ...query, limit: 2, page: 2, chart: [] })).toBe("?limit=2&page=2");
    expect(query.chart).toHaveLength(CHART_MAX_LINES);
    expect(dashboardSearch(parseDashboardQuery({}))).toBe("");
    expect(parseDashboardQuery({ view: "small" }).smallMultiples).toBe(true);
    expect(parseDashboardQuery({ view: "bogus" }).smallMultiples).toBe(false);
    expect(dashboardSearch(parseDashboardQuery({ view: "small", q: "emoji" }))).toBe("?q=emoji&view=small");
  });
});

describe("versionWindow", () => {
  const versions = Array.from({ length: 20 }, (_, i) => i + 1);

  it("shows the newest versions first, then the ones before, in registration order", () => {
    expect(versionWindow(versions, 1, 8)).toEqual({ versions: [13, 14, 15, 16, 17, 18, 19, 20], page: 1, pageCount: 3, from: 13, to: 20, total: 20 });
    expect(versionWindow(versions, 2, 8).versions).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(versionWindow(versions, 3, 8)).toMatchObject({ versions: [1, 2, 3, 4], from: 1, to: 4 });
  });

  it("clamps a page past the oldest and copes with few or no versions", () => {
    expect(versionWindow(versions, 9, 8)).toMatchObject({ page: 3, versions: [1, 2, 3, 4] });
    expect(versionWindow([1, 2, 3], 1, 8)).toEqual({ versions: [1, 2, 3], page: 1, pageCount: 1, from: 1, to: 3, total: 3 });
    expect(versionWindow([], 1, 8)).toEqual({ versions: [], page: 1, pageCount: 1, from: 1, to: 0, total: 0 });
  });
});
