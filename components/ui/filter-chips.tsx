/** A group of checkbox chips for a GET filter form: every checked option is sent as `name=option`. */
export function FilterChips<T extends string>({
  legend,
  name,
  options,
  checked,
  label = (v) => v,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  checked: readonly T[];
  label?: (value: T) => string;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-600">{legend}</legend>
      <div className="flex flex-wrap gap-1 sm:gap-1.5">
        {options.map((option) => (
          <label
            key={option}
            className="inline-flex cursor-pointer items-center gap-1.5 rounded-full border border-slate-300 bg-white px-2 py-1 text-[13px] text-slate-800 has-[:checked]:border-slate-900 has-[:checked]:bg-slate-900 has-[:checked]:text-white sm:px-2.5 sm:text-sm"
          >
            <input type="checkbox" name={name} value={option} defaultChecked={checked.includes(option)} className="h-3.5 w-3.5 accent-white" />
            {label(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
