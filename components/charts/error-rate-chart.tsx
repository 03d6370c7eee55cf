"use client";

import { formatTarget } from "@/lib/format/format-percent";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { PRODUCTION_GLYPH } from "./production-glyph";
import { signoffSymbol } from "./signoff-symbol";
import { isThinEvidence } from "@/lib/stats/thin-evidence";

export type ErrorRateChartSeries = {
  /** Problem key, e.g. "SENT-3". */
  key: string;
  title: string;
  /** Highest acceptable error rate, 0–1. */
  target: number;
  color: string;
};

export type ErrorRateChartPoint = {
  /** 0–1, or null when nothing was graded pass/fail. */
  errorRate: number | null;
  n: number;
  low: number;
  high: number;
  errored: number;
} | null;

/** A sign-off shown as a marker at one problem × model version: approved ✓, rejected ✗, stale ◌. */
export type ErrorRateChartSignoff = {
  decision: "approve" | "reject";
  stale: boolean;
  /** Who decided, e.g. "Demo stakeholder". */
  by: string;
  /** When, already formatted. */
  at: string;
  comment: string;
  staleReason: string | null;
} | null;

export type ErrorRateChartProps = {
  /** X axis labels, model versions in registration order ("sentiment 2.1"). */
  modelVersions: string[];
  series: ErrorRateChartSeries[];
  /** points[seriesIndex][modelVersionIndex]; null where there is no result. */
  points: ErrorRateChartPoint[][];
  height?: number;
  /** signoffs[seriesIndex][modelVersionIndex]: the current sign-off there, drawn as a marker above the point. */
  signoffs?: ErrorRateChartSignoff[][];
  /** Shade each series' 95% Wilson interval (a band around the line). Readable for a few series only. */
  intervalBand?: boolean;
  /** The x axis label of the production version: its tick and tooltip say "production" in words, with a ★. */
  production?: string;
};

type Row = { label: string; values: (number | null)[]; bands: ([number, number] | null)[] };

const pct = (rate: number) => `${Math.round(rate * 100)}%`;

export function ErrorRateChart({ modelVersions, series, points, height = 340, signoffs, intervalBand = false, production }: ErrorRateChartProps) {
  const marksProduction = production !== undefined && modelVersions.includes(production);
  const rows: Row[] = modelVersions.map((label, vi) => ({
    label,
    values: series.map((_, si) => {
      const rate = points[si]?.[vi]?.errorRate;
      return rate === null || rate === undefined ? null : rate * 100;
    }),
    bands: series.map((_, si) => {
      const point = points[si]?.[vi];
      return point && point.n > 0 ? [point.low * 100, point.high * 100] : null;
    }),
  }));

  return (
    <div style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="label"
            tick={<VersionTick production={marksProduction ? production : undefined} />}
            tickLine={false}
            axisLine={{ stroke: "#cbd5e1" }}
            // Recharts measures the one-line label; the two-line tick is narrower, so show up to five.
            interval={modelVersions.length <= 5 ? 0 : "preserveStartEnd"}
            minTickGap={4}
            // A third line under the production version's tick.
            height={marksProduction ? 56 : 40}
            padding={{ left: 24, right: 24 }}
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(v: number) => `${v}%`}
            tick={{ fontSize: 12, fill: "#475569" }}
            tickLine={false}
            axisLine={false}
            width={44}
          />
          {series.map((s) => (
            <ReferenceLine
              key={`target-${s.key}`}
              y={s.target * 100}
              stroke={s.color}
              strokeWidth={1.5}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={
                series.length === 1
                  ? { value: `target ${pct(s.target)}`, position: "insideTopLeft", fill: "#334155", fontSize: 12 }
                  : undefined
              }
            />
          ))}
          {intervalBand
            ? series.map((s, si) => (
                <Area
                  key={`band-${s.key}`}
                  type="linear"
                  dataKey={(row: Row) => row.bands[si] ?? null}
                  stroke="none"
                  fill={s.color}
                  fillOpacity={0.15}
                  activeDot={false}
                  legendType="none"
                  tooltipType="none"
                  isAnimationActive={false}
                  className="error-rate-band"
                />
              ))
            : null}
          {series.map((s, si) => (
            <Line
              key={s.key}
              type="linear"
              name={`${s.key} ${s.title}`}
              dataKey={(row: Row) => row.values[si] ?? null}
              stroke={s.color}
              strokeWidth={2.5}
              dot={{ r: 4, fill: s.color, strokeWidth: 0 }}
              activeDot={{ r: 6 }}
              isAnimationActive={false}
            />
          ))}
          {signoffs?.flatMap((row, si) =>
            row.map((signoff, vi) => {
              const rate = points[si]?.[vi]?.errorRate;
              if (!signoff || rate === null || rate === undefined) return null;
              return (
                <ReferenceDot
                  key={`signoff-${series[si]?.key}-${vi}`}
                  x={modelVersions[vi]}
                  y={rate * 100}
                  ifOverflow="extendDomain"
                  shape={(props) => <SignoffMarker cx={Number(props.cx)} cy={Number(props.cy)} signoff={signoff} color={series[si]?.color ?? "#334155"} />}
                />
              );
            }),
          )}
          <Tooltip
            content={(props) => (
              <ChartTooltip {...props} series={series} points={points} modelVersions={modelVersions} signoffs={signoffs} production={production} />
            )}
            cursor={{ stroke: "#94a3b8", strokeDasharray: "3 3" }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

type VersionTickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown }; production?: string };

/** Model name on one line, version beneath it (and "★ production" under the production version): labels stay readable on narrow screens. */
function VersionTick({ x = 0, y = 0, payload, production }: VersionTickProps) {
  const label = String(payload?.value ?? "");
  const cut = label.lastIndexOf(" ");
  const name = cut > 0 ? label.slice(0, cut) : label;
  const version = cut > 0 ? label.slice(cut + 1) : "";
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="middle" fontSize={12} fill="#475569">
      <tspan x={Number(x)} dy="0.9em">
        {name}
      </tspan>
      {version ? (
        <tspan x={Number(x)} dy="1.25em" fontWeight={600} fill="#1e293b">
          {version}
        </tspan>
      ) : null}
      {label === production ? (
        <tspan x={Number(x)} dy="1.25em" fontSize={11} fontWeight={600} fill="#065f46" data-testid="production-tick">
          {PRODUCTION_GLYPH} production
        </tspan>
      ) : null}
    </text>
  );
}

/** The decision symbol in a small disc just above the point, so the line's dot stays visible. */
function SignoffMarker({ cx, cy, signoff, color }: { cx: number; cy: number; signoff: NonNullable<ErrorRateChartSignoff>; color: string }) {
  const fill = signoff.stale ? "#64748b" : signoff.decision === "approve" ? "#065f46" : "#991b1b";
  return (
    <g data-testid="signoff-marker" data-decision={signoff.decision} data-stale={signoff.stale} aria-hidden="true">
      <circle cx={cx} cy={cy - 15} r={8} fill="#ffffff" stroke={color} strokeWidth={1.5} strokeDasharray={signoff.stale ? "2 2" : undefined} />
      <text x={cx} y={cy - 15} dy="0.35em" textAnchor="middle" fontSize={11} fontWeight={700} fill={fill}>
        {signoffSymbol(signoff)}
      </text>
    </g>
  );
}

type ChartTooltipProps = TooltipContentProps & Pick<ErrorRateChartProps, "series" | "points" | "modelVersions" | "signoffs" | "production">;

function ChartTooltip({ active, label, series, points, modelVersions, signoffs, production }: ChartTooltipProps) {
  if (!active || label === undefined) return null;
  const vi = modelVersions.indexOf(String(label));
  if (vi < 0) return null;
  return (
    <div className="max-w-xs rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-lg">
      <p className="mb-1 font-semibold text-slate-900">
        {label}
        {label === production ? (
          <span className="font-medium text-emerald-800">
            {" "}
            · {PRODUCTION_GLYPH} production
          </span>
        ) : null}
      </p>
      <ul className="space-y-1">
        {series.map((s, si) => {
          const point = points[si]?.[vi] ?? null;
          const above = point?.errorRate != null && point.errorRate > s.target;
          return (
            <li key={s.key} className="flex items-start gap-2">
              <span aria-hidden="true" className="mt-1 h-2 w-2 shrink-0 rounded-full" style={{ background: s.color }} />
              <span className="min-w-0">
                <span className="font-medium text-slate-900">{s.key}</span>{" "}
                {point?.errorRate != null ? (
                  <>
                    <span className={above ? "font-semibold text-red-700" : "text-slate-800"}>
                      {pct(point.errorRate)}
                      {/* In words: beside another version a bare ▲ reads as "got worse". */}
                      {above ? " ▲ above target" : ""}
                    </span>{" "}
                    <span className="whitespace-nowrap text-slate-600">
                      n={point.n}, 95% {pct(point.low)}–{pct(point.high)}
                    </span>
                    {isThinEvidence(point.n) ? <span className="block font-medium text-amber-800">thin evidence (n &lt; 10)</span> : null}
                  </>
                ) : (
                  <span className="text-slate-500">no result</span>
                )}
                <span className="block text-slate-500">
                  target ≤ {formatTarget(s.target)}
                  {point && point.errored > 0 ? <span className="text-amber-800"> · {point.errored} errored</span> : null}
                </span>
                <SignoffTooltipLine signoff={signoffs?.[si]?.[vi] ?? null} />
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function SignoffTooltipLine({ signoff }: { signoff: ErrorRateChartSignoff }) {
  if (!signoff) return null;
  const tone = signoff.stale ? "text-slate-500" : signoff.decision === "approve" ? "text-emerald-800" : "text-red-800";
  return (
    <span className={`block ${tone}`}>
      {signoffSymbol(signoff)} {signoff.decision === "approve" ? "Approved" : "Rejected"} by {signoff.by}, {signoff.at}
      {signoff.comment ? <span className="italic"> “{signoff.comment}”</span> : null}
      {signoff.stale ? <span className="font-medium"> · stale{signoff.staleReason ? `: ${signoff.staleReason}` : ""}</span> : null}
    </span>
  );
}
