import { FilterChips } from "@/components/ui/filter-chips";
import { problemStatusLabel } from "@/components/ui/badge";
import { FilterActions } from "@/components/ui/filter-actions";
import { PROBLEM_SORTS, type ProblemListQuery, type ProblemSort } from "@/lib/problems/problem-list-query";

const SEVERITIES = ["critical", "high", "medium", "low"] as const;
const STATUSES = ["open", "monitoring", "resolved", "wont_fix"] as const;

export const sortLabel: Record<ProblemSort, string> = {
  key: "Key",
  severity: "Severity",
  status: "Status",
  updatedAt: "Last change",
  patternCount: "Pattern count",
};

const controlClass = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm";

/** A plain GET form: search, filters and sort live in the URL, so a view can be shared and needs no client state. */
export function ProblemListControls({ action, query, owners }: { action: string; query: ProblemListQuery; owners: { id: string; name: string }[] }) {
  const active = Boolean(query.q) || query.severities.length > 0 || query.statuses.length > 0 || query.ownerIds.length > 0 || query.sort !== "key" || query.order !== "asc";
  return (
    <form action={action} method="get" role="search" aria-label="Search and filter problems" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <div className="grid grid-cols-3 items-end gap-2 sm:flex sm:flex-wrap sm:gap-3">
        <label className="col-span-3 min-w-0 sm:flex-1 sm:basis-56">
          <span className="mb-1 block text-xs font-medium uppercase tracking-wide text-slate-600">Search</span>
          <input type="search" name="q" defaultValue={query.q} placeholder="Key or title, e.g. SENT-3 or sarcasm" className={`${controlClass} w-full`} />
        </label>
        <label className="min-w-0">
          <span className="mb-1 block text-xs font-medium uppercase tracking-wide text-slate-600">Owner</span>
          <select name="ownerId" defaultValue={query.ownerIds[0] ?? ""} className={`${controlClass} w-full`}>
            <option value="">Anyone</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="min-w-0">
          <span className="mb-1 block text-xs font-medium uppercase tracking-wide text-slate-600">Sort by</span>
          <select name="sort" defaultValue={query.sort} className={`${controlClass} w-full`}>
            {PROBLEM_SORTS.map((s) => (
              <option key={s} value={s}>
                {sortLabel[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="min-w-0">
          <span className="mb-1 block text-xs font-medium uppercase tracking-wide text-slate-600">Order</span>
          <select name="order" defaultValue={query.order} className={`${controlClass} w-full`}>
            <option value="asc">Asc</option>
            <option value="desc">Desc</option>
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <FilterChips legend="Severity" name="severity" options={SEVERITIES} checked={query.severities} />
        <FilterChips legend="Status" name="status" options={STATUSES} checked={query.statuses} label={(s) => problemStatusLabel[s]} />
        <FilterActions clearHref={action} active={active} />
      </div>
    </form>
  );
}
