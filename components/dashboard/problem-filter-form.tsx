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
      <CheckboxGroup legend="Severity" name="severity" options={Object.values(Severity)} checked={severities} />
      <CheckboxGroup
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

function CheckboxGroup<T extends string>({
  legend,
  name,
  options,
  checked,
  label = (v) => v,
}: {
  legend: string;
  name: string;
  options: T[];
  checked: T[];
  label?: (value: T) => string;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-600">{legend}</legend>
      <div className="flex flex-wrap gap-1 sm:gap-1.5">
        {options.map((option) => (
          <label
            key={option}
            className="inline-flex cursor-pointer items-center gap-1.5 rounded-full border border-slate-300 bg-white px-2 py-1 text-[13px] sm:px-2.5 sm:text-sm text-slate-800 has-[:checked]:border-slate-900 has-[:checked]:bg-slate-900 has-[:checked]:text-white"
          >
            <input
              type="checkbox"
              name={name}
              value={option}
              defaultChecked={checked.includes(option)}
              className="h-3.5 w-3.5 accent-white"
            />
            {label(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
