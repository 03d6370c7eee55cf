import { describe, expect, it } from "vitest";
import { CHART_MAX_LINES, dashboardSearch, parseDashboardQuery } from "./dashboard-query";

describe("parseDashboardQuery", () => {
  it("reads filters, search, page and the chart's problems, and round-trips through dashboardSearch", () => {
    const query = parseDashboardQuery({ severity: ["high", "low"], status: "open", q: " sarc ", above: "1", page: "3", chart: "SENT-1,SENT-4" });
    expect(query).toEqual({ severities: ["high", "low"], statuses: ["open"], q: "sarc", aboveTarget: true, page: 3, limit: 25, chart: ["SENT-1", "SENT-4"] });
    expect(parseDashboardQuery(Object.fromEntries(new URLSearchParams(dashboardSearch(query).slice(1)).entries()))).toMatchObject({ q: "sarc", page: 3, aboveTarget: true });
    expect(dashboardSearch(query, { page: 1, chart: [] })).toBe("?severity=high&severity=low&status=open&q=sarc&above=1");
  });

  it("falls back to defaults for what it does not understand and caps the chart at its line limit", () => {
    const query = parseDashboardQuery({ page: "-2", limit: "1000", above: "yes", severity: "bogus", chart: Array.from({ length: 20 }, (_, i) => `K-${i}`) });
    expect(query).toMatchObject({ page: 1, limit: 25, aboveTarget: false, severities: [] });
    expect(dashboardSearch({ ...query, limit: 2, page: 2, chart: [] })).toBe("?limit=2&page=2");
    expect(query.chart).toHaveLength(CHART_MAX_LINES);
    expect(dashboardSearch(parseDashboardQuery({}))).toBe("");
  });
});
