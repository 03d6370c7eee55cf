import Link from "next/link";
import { dashboardSearch, type DashboardQuery } from "@/lib/results/dashboard-query";

/** "Problems 26–50 of 1,000" with previous/next links; pages are numbered, the filter stays in the URL. */
export function TablePagination({ action, query, pageCount, total }: { action: string; query: DashboardQuery; pageCount: number; total: number }) {
  const from = total === 0 ? 0 : (query.page - 1) * query.limit + 1;
  const to = Math.min(total, query.page * query.limit);
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";
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
