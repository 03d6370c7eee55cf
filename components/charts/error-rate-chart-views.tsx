"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { DASHBOARD_SMALL_MULTIPLES_VIEW } from "@/lib/results/dashboard-query";
import { ErrorRateChart } from "./error-rate-chart";
import { ErrorRateSmallMultiples } from "./error-rate-small-multiples";

type ViewsProps = Parameters<typeof ErrorRateSmallMultiples>[0];

/** Above this many lines one chart gets crowded: offer one small chart per problem. */
export const SMALL_MULTIPLES_FROM = 4;

/**
 * The dashboard's chart: one chart with a line per problem, or — for more than a few problems — small multiples, chosen
 * by the reader. The choice lives in the URL (`?view=small`), so a reload, a shared link and Back keep it; switching
 * replaces the URL in place (history.replaceState, which Next's router follows) without reloading the page, then
 * refreshes the server-drawn parts in the background so their links and forms (pagination, filters, the picker) carry
 * the new view too; the chart itself switches at once.
 */
export function ErrorRateChartViews(props: ViewsProps) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const view = searchParams.get("view");
  const offersMultiples = props.series.length >= SMALL_MULTIPLES_FROM;
  const shown = offersMultiples && view === DASHBOARD_SMALL_MULTIPLES_VIEW ? "multiples" : "one";
  const choose = (next: "one" | "multiples") => {
    const params = new URLSearchParams(window.location.search);
    if (next === "multiples") params.set("view", DASHBOARD_SMALL_MULTIPLES_VIEW);
    else params.delete("view");
    const search = params.toString();
    // Not Next's own history state: a state Next marks as its own is taken as internal and not synced to the router.
    window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`);
    router.refresh();
  };
  return (
    <div>
      {offersMultiples ? (
        <div role="group" aria-label="Chart view" className="mb-3 inline-flex rounded-md shadow-sm ring-1 ring-inset ring-slate-300">
          {(
            [
              ["one", "One chart"],
              ["multiples", "Small multiples"],
            ] as const
          ).map(([value, label], i) => (
            <button
              key={value}
              type="button"
              aria-pressed={shown === value}
              onClick={() => choose(value)}
              className={`px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 ${
                i === 0 ? "rounded-l-md" : "rounded-r-md border-l border-slate-300"
              } ${shown === value ? "bg-slate-800 text-white" : "bg-white text-slate-800 hover:bg-slate-50"}`}
            >
              {label}
            </button>
          ))}
        </div>
      ) : null}
      {shown === "one" ? <ErrorRateChart {...props} /> : <ErrorRateSmallMultiples {...props} intervalBand />}
    </div>
  );
}
