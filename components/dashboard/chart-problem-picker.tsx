import Link from "next/link";
import { ChartProblemOptions, type ChartProblemOption } from "./chart-problem-options";
import { CHART_MAX_LINES, DASHBOARD_PAGE_SIZE, DASHBOARD_SMALL_MULTIPLES_VIEW, dashboardSearch, type DashboardQuery } from "@/lib/results/dashboard-query";

type PickerOption = { key: string; title: string; target: number; latest: number | null };

/**
 * Chooses which problems the chart draws (up to CHART_MAX_LINES), worst first. A
 * GET form: the choice lives in the URL (`?chart=KEY,KEY`), the filter rides along.
 */
export function ChartProblemPicker({
  action,
  query,
  options,
  shown,
  chosen,
}: {
  action: string;
  query: DashboardQuery;
  options: PickerOption[];
  shown: string[];
  chosen: boolean;
}) {
  return (
    <details className="mt-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2" open={chosen}>
      <summary className="cursor-pointer text-sm font-medium text-slate-800">Choose the problems on the chart</summary>
      <form action={action} method="get" className="mt-3 space-y-2">
        {query.severities.map((s) => (
          <input key={s} type="hidden" name="severity" value={s} />
        ))}
        {query.statuses.map((s) => (
          <input key={s} type="hidden" name="status" value={s} />
        ))}
        {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
        {query.aboveTarget ? <input type="hidden" name="above" value="1" /> : null}
        {query.page > 1 ? <input type="hidden" name="page" value={query.page} /> : null}
        {query.limit !== DASHBOARD_PAGE_SIZE ? <input type="hidden" name="limit" value={query.limit} /> : null}
        {query.versionPage > 1 ? <input type="hidden" name="versions" value={query.versionPage} /> : null}
        {query.smallMultiples ? <input type="hidden" name="view" value={DASHBOARD_SMALL_MULTIPLES_VIEW} /> : null}
        <label htmlFor="chart-problems" className="block text-sm text-slate-700">
          Problems, worst first (latest error rate against target). Choose up to {CHART_MAX_LINES}: Ctrl/⌘ or Shift with
          click, or Shift/Ctrl with the arrow keys and Space.
        </label>
        <ChartProblemOptions
          id="chart-problems"
          name="chart"
          options={options.map((o): ChartProblemOption => [o.key, o.title, o.target, o.latest])}
          defaultValue={shown}
          className="w-full max-w-2xl rounded-md border border-slate-300 bg-white px-1 py-1 text-sm"
        />
        <div className="flex items-center gap-3">
          <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
            Show on chart
          </button>
          {chosen ? (
            <Link href={`${action}${dashboardSearch(query, { chart: [] })}`} className="text-sm font-medium text-blue-700 hover:underline">
              Back to the worst {CHART_MAX_LINES}
            </Link>
          ) : null}
        </div>
      </form>
    </details>
  );
}
