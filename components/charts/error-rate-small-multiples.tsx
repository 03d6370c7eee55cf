"use client";

import Link from "next/link";
import { ErrorRateChart, type ErrorRateChartProps, type ErrorRateChartSeries } from "./error-rate-chart";
import { MarkerSwatch } from "./marker-swatch";

type SmallMultiplesProps = Omit<ErrorRateChartProps, "series" | "intervalBand" | "endLabels"> & {
  /** With href, each chart's caption links to its problem's page. */
  series: (ErrorRateChartSeries & { href?: string })[];
  /** Shade each problem's 95% interval: readable with one line per chart. */
  intervalBand?: boolean;
  className?: string;
};

/** One small chart per problem, on the same axes, for more problems than one chart can show legibly. */
export function ErrorRateSmallMultiples({ series, points, signoffs, height = 180, className = "grid gap-4 sm:grid-cols-2 lg:grid-cols-3", ...shared }: SmallMultiplesProps) {
  return (
    <div className={className} data-testid="small-multiples">
      {series.map((s, si) => (
        <figure key={s.key} className="min-w-0 break-inside-avoid rounded-md border border-slate-200 p-2">
          <figcaption className="mb-1 flex items-start gap-1.5 text-sm">
            <MarkerSwatch shape={s.marker} color={s.color} className="mt-1" />
            <span className="min-w-0">
              {s.href ? (
                <Link href={s.href} className="font-semibold text-slate-900 underline-offset-2 hover:underline">
                  {s.key}
                </Link>
              ) : (
                <span className="font-semibold">{s.key}</span>
              )}{" "}
              {s.title}
            </span>
          </figcaption>
          <ErrorRateChart {...shared} height={height} series={[s]} points={[points[si] ?? []]} signoffs={signoffs ? [signoffs[si] ?? []] : undefined} />
        </figure>
      ))}
    </div>
  );
}
