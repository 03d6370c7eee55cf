import Link from "next/link";
import { dashboardSearch, type DashboardQuery } from "@/lib/results/dashboard-query";

const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";

export type VersionColumns = { page: number; pageCount: number; from: number; to: number; total: number };

/** "Model versions 93–100 of 100" with older/newer links: the table's columns are a window, the newest by default. */
export function VersionColumnsNav({ action, query, columns }: { action: string; query: DashboardQuery; columns: VersionColumns }) {
  if (columns.pageCount <= 1) return null;
  return (
    <nav aria-label="Model version columns" className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
      <p>
        Model versions {columns.from}–{columns.to} of {columns.total.toLocaleString("en")}
      </p>
      {columns.page < columns.pageCount ? (
        <Link href={`${action}${dashboardSearch(query, { versionPage: columns.page + 1 })}`} className={link}>
          <span aria-hidden="true">← </span>Older versions
        </Link>
      ) : null}
      {columns.page > 1 ? (
        <Link href={`${action}${dashboardSearch(query, { versionPage: columns.page - 1 })}`} className={link}>
          Newer versions<span aria-hidden="true"> →</span>
        </Link>
      ) : null}
    </nav>
  );
}

/** "Problems 26–50 of 1,000" with previous/next links; pages are numbered, the filter stays in the URL. */
export function TablePagination({ action, query, pageCount, total }: { action: string; query: DashboardQuery; pageCount: number; total: number }) {
  const from = total === 0 ? 0 : (query.page - 1) * query.limit + 1;
  const to = Math.min(total, query.page * query.limit);
  return (
    <nav aria-label="Table pages" className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p>
        Problems {from}–{to} of {total.toLocaleString("en")} · page {query.page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {query.page > 1 ? (
          <Link href={`${action}${dashboardSearch(query, { page: query.page - 1 })}`} className={link} rel="prev">
            Previous
          </Link>
        ) : null}
        {query.page < pageCount ? (
          <Link href={`${action}${dashboardSearch(query, { page: query.page + 1 })}`} className={link} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
