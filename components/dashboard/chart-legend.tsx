import Link from "next/link";
import { PRODUCTION_GLYPH } from "@/components/charts/production-glyph";
import { markerPath, type MarkerShape } from "@/components/charts/series-markers";
import { formatTarget } from "@/lib/format/format-percent";

type LegendItem = { key: string; title: string; target: number; color: string; marker: MarkerShape; href: string };

/**
 * The chart's legend as HTML: wraps on small screens, and each problem key links to its page.
 * Its key says the marks in words: ▲ beside a version would otherwise read as "got worse".
 */
export function ChartLegend({ items, production }: { items: LegendItem[]; /** The production version's label, e.g. "sentiment 2.1". */ production?: string }) {
  return (
    <>
      <ul className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {items.map((item) => (
          <li key={item.key} className="flex min-w-0 items-start gap-2">
            <svg aria-hidden="true" width="28" height="15" className="mt-0.5 shrink-0">
              <line x1="0" y1="5" x2="28" y2="5" stroke={item.color} strokeWidth="3" />
              <path d={markerPath(item.marker, 14, 5, 4)} fill={item.color} stroke="#ffffff" strokeWidth="1" data-marker={item.marker} />
              <line x1="0" y1="13" x2="28" y2="13" stroke={item.color} strokeWidth="1.5" strokeDasharray="5 3" />
            </svg>
            <span className="min-w-0">
              <Link href={item.href} className="font-semibold text-slate-900 underline-offset-2 hover:underline">
                {item.key}
              </Link>{" "}
              <span className="text-slate-700">{item.title}</span>{" "}
              <span className="whitespace-nowrap text-slate-500">· target ≤ {formatTarget(item.target)}</span>
            </span>
          </li>
        ))}
      </ul>
      <p data-testid="chart-key" className="mt-3 text-xs text-slate-600">
        Solid line: error rate, each problem with its own marker shape · dashed: target (one line for problems with the same target) · <span aria-hidden="true">▲</span> above target (over the problem&apos;s target, not a change
        from the version before)
        {production ? (
          <>
            {" "}
            · <span aria-hidden="true">{PRODUCTION_GLYPH}</span> production: {production}
          </>
        ) : null}
      </p>
    </>
  );
}
