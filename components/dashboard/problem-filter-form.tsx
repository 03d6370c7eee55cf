import { FilterChips } from "@/components/ui/filter-chips";
import { FilterActions } from "@/components/ui/filter-actions";
import { problemStatusLabel } from "@/components/ui/badge";
import { ProblemStatus, Severity } from "@/lib/db/generated/enums";
import { DASHBOARD_SMALL_MULTIPLES_VIEW } from "@/lib/results/dashboard-query";

type ProblemFilterFormProps = {
  action: string;
  severities: Severity[];
  statuses: ProblemStatus[];
  q: string;
  aboveTarget: boolean;
  /** The chart's chosen problems and the table's page size: kept when the filter changes. */
  chart: string[];
  limit?: number;
  /** The chart's view (small multiples): kept when the filter changes. */
  smallMultiples?: boolean;
};

/** A plain GET form: the filter lives in the URL, so it can be shared and needs no client state. */
export function ProblemFilterForm({ action, severities, statuses, q, aboveTarget, chart, limit, smallMultiples = false }: ProblemFilterFormProps) {
  const active = severities.length + statuses.length > 0 || q !== "" || aboveTarget;
  return (
    <form action={action} method="get" role="search" aria-label="Filter problems" className="flex flex-wrap items-end gap-x-6 gap-y-3">
      <label className="flex min-w-48 flex-col text-xs font-medium tracking-wide text-slate-600 uppercase">
        Search
        <input
          type="search"
          name="q"
          defaultValue={q}
          placeholder="Key or title"
          className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal tracking-normal text-slate-900 normal-case"
        />
      </label>
      <FilterChips legend="Severity" name="severity" options={Object.values(Severity)} checked={severities} />
      <FilterChips
        legend="Status"
        name="status"
        options={Object.values(ProblemStatus)}
        checked={statuses}
        label={(s) => problemStatusLabel[s]}
      />
      <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="above" value="1" defaultChecked={aboveTarget} className="h-4 w-4" />
        Above target only
      </label>
      {chart.length ? <input type="hidden" name="chart" value={chart.join(",")} /> : null}
      {limit ? <input type="hidden" name="limit" value={limit} /> : null}
      {smallMultiples ? <input type="hidden" name="view" value={DASHBOARD_SMALL_MULTIPLES_VIEW} /> : null}
      <FilterActions clearHref={action} active={active} />
    </form>
  );
}
