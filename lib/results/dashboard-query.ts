import { parseProblemFilter } from "@/lib/problems/parse-problem-filter";
import type { ProblemStatus, Severity } from "@/lib/db/generated/enums";

type SearchParams = Record<string, string | string[] | undefined>;

/** At most this many lines on the dashboard chart: more is unreadable. */
export const CHART_MAX_LINES = 12;
export const DASHBOARD_PAGE_SIZE = 25;
/** The table shows this many model versions at a time, newest first by default: 100 columns are unreadable (and heavy). */
export const TABLE_MAX_VERSIONS = 8;
/** `?view=small`: the dashboard's chart as one small chart per problem. */
export const DASHBOARD_SMALL_MULTIPLES_VIEW = "small";

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
  /** 1-based page of the table's model version columns: 1 = the newest TABLE_MAX_VERSIONS, 2 = the ones before … */
  versionPage: number;
  /** The chart as small multiples (one small chart per problem): `view=small`. */
  smallMultiples: boolean;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The dashboard's URL → its query; anything unrecognised falls back to the default, so old links still open. */
export function parseDashboardQuery(params: SearchParams): DashboardQuery {
  const { severities, statuses } = parseProblemFilter(params);
  const page = Number(first(params.page));
  const limit = Number(first(params.limit));
  const versionPage = Number(first(params.versions));
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
    versionPage: Number.isInteger(versionPage) && versionPage >= 1 ? versionPage : 1,
    smallMultiples: first(params.view) === DASHBOARD_SMALL_MULTIPLES_VIEW,
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
  if (q.versionPage > 1) params.set("versions", String(q.versionPage));
  if (q.smallMultiples) params.set("view", DASHBOARD_SMALL_MULTIPLES_VIEW);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The table's window of model version columns (registration order kept inside it):
 * page 1 is the newest `size`, page 2 the ones before, and so on; a page past the
 * oldest shows the oldest.
 */
export function versionWindow<V>(modelVersions: V[], versionPage: number, size = TABLE_MAX_VERSIONS) {
  const pageCount = Math.max(1, Math.ceil(modelVersions.length / size));
  const page = Math.min(Math.max(1, versionPage), pageCount);
  const end = Math.max(0, modelVersions.length - (page - 1) * size);
  const start = Math.max(0, end - size);
  return { versions: modelVersions.slice(start, end), page, pageCount, from: start + 1, to: end, total: modelVersions.length };
}
