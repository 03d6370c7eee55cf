import { FilterChips } from "@/components/ui/filter-chips";
import { FilterActions } from "@/components/ui/filter-actions";
import { problemStatusLabel } from "@/components/ui/badge";
import { ProblemStatus, Severity } from "@/lib/db/generated/enums";

type ProblemFilterFormProps = {
  action: string;
  severities: Severity[];
  statuses: ProblemStatus[];
};

/** A plain GET form: the filter lives in the URL, so it can be shared and needs no client state. */
export function ProblemFilterForm({ action, severities, statuses }: ProblemFilterFormProps) {
  const active = severities.length + statuses.length > 0;
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-x-6 gap-y-3">
      <FilterChips legend="Severity" name="severity" options={Object.values(Severity)} checked={severities} />
      <FilterChips
        legend="Status"
        name="status"
        options={Object.values(ProblemStatus)}
        checked={statuses}
        label={(s) => problemStatusLabel[s]}
      />
      <FilterActions clearHref={action} active={active} />
    </form>
  );
}
