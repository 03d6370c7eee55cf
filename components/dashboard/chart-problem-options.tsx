"use client";
import { formatPercent, formatTarget } from "@/lib/format/format-percent";

/** [key, title, target, latest error rate or null]: a tuple, as a project may list hundreds of problems. */
export type ChartProblemOption = [key: string, title: string, target: number, latest: number | null];

type Props = { id: string; name: string; options: ChartProblemOption[]; defaultValue: string[]; className: string };

/**
 * The chart picker's multiple select. A client component on purpose: the page's React payload then carries each
 * problem as a short tuple instead of a rendered <option> (repeated beside the HTML).
 */
export function ChartProblemOptions({ id, name, options, defaultValue, className }: Props) {
  return (
    <select id={id} name={name} multiple size={Math.min(10, Math.max(3, options.length))} defaultValue={defaultValue} className={className}>
      {options.map(([key, title, target, latest]) => (
        <option key={key} value={key}>
          {`${key} · ${title} — ${latest === null ? "no rate" : formatPercent(latest)} (target ≤ ${formatTarget(target)})`}
        </option>
      ))}
    </select>
  );
}
