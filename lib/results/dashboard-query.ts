import { parseProblemFilter } from "@/lib/problems/parse-problem-filter";
import type { ProblemStatus, Severity } from "@/lib/db/generated/enums";

type SearchParams = Record<string, string | string[] | undefined>;

/** At most this many lines on the dashboard chart: more is unreadable. */
export const CHART_MAX_LINES = 12;
export const DASHBOARD_PAGE_SIZE = 25;

export type DashboardQuery = {
  severities: Severity[];
  statuses: ProblemStatus[];
  /** Key or title contains this (case-insensitive). */
  q: string;
  /** Only problems whose latest error rate is above their target. */
  aboveTarget: boolean;
  /** 1-based page of the table. */
  page: number;
  /** Problems per table page. */
  limit: number;
  /** Problem keys the chart shows; empty: the worst CHART_MAX_LINES. */
  chart: string[];
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The dashboard's URL → its query; anything unrecognised falls back to the default, so old links still open. */
export function parseDashboardQuery(params: SearchParams): DashboardQuery {
  const { severities, statuses } = parseProblemFilter(params);
  const page = Number(first(params.page));
  const limit = Number(first(params.limit));
  const chart = (Array.isArray(params.chart) ? params.chart : params.chart ? [params.chart] : [])
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 100);
  return {
    severities,
    statuses,
    q: (first(params.q) ?? "").trim().slice(0, 200),
    aboveTarget: first(params.above) === "1",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : DASHBOARD_PAGE_SIZE,
    chart: [...new Set(chart)].slice(0, CHART_MAX_LINES),
  };
}

/** A query → the dashboard's search string (defaults left out). */
export function dashboardSearch(query: DashboardQuery, overrides: Partial<DashboardQuery> = {}): string {
  const q = { ...query, ...overrides };
  const params = new URLSearchParams();
  for (const s of q.severities) params.append("severity", s);
  for (const s of q.statuses) params.append("status", s);
  if (q.q) params.set("q", q.q);
  if (q.aboveTarget) params.set("above", "1");
  if (q.chart.length) params.set("chart", q.chart.join(","));
  if (q.limit !== DASHBOARD_PAGE_SIZE) params.set("limit", String(q.limit));
  if (q.page > 1) params.set("page", String(q.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
