"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from "react";
import { formatTarget } from "@/lib/format/format-percent";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  type TooltipContentProps,
} from "recharts";
import { describeChartPoint } from "./describe-chart-point";
import { groupOverlappingPoints } from "./group-overlapping-points";
import { groupTargets } from "./group-targets";
import { placeLabels } from "./place-labels";
import { PRODUCTION_GLYPH } from "./production-glyph";
import { MarkerSwatch } from "./marker-swatch";
import { markerPath, type MarkerShape } from "./series-markers";
import { signoffSymbol } from "./signoff-symbol";
import { isThinEvidence } from "@/lib/stats/thin-evidence";

export type ErrorRateChartSeries = {
  /** Problem key, e.g. "SENT-3". */
  key: string;
  title: string;
  /** Highest acceptable error rate, 0–1. */
  target: number;
  color: string;
  /** Each line also differs by its marker's shape, never by colour alone (seriesStyle). */
  marker: MarkerShape;
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
  /** Label each line at its end with its key (default: with more than one line). */
  endLabels?: boolean;
};

type Row = { label: string; values: (number | null)[]; bands: ([number, number] | null)[] };

/** The point read out by keyboard or touch: a series at a model version. */
type ActivePoint = { si: number; vi: number } | null;

/** A focus this soon after a press came with that press. */
const PRESS_FOCUS_MS = 1000;
const pct = (rate: number) => `${Math.round(rate * 100)}%`;
const MARGIN_TOP = 8;
const MARGIN_BOTTOM = 8;
/** Pixels between the centres of two stacked direct labels (11 px text). */
const LABEL_GAP = 14;

export function ErrorRateChart({
  modelVersions,
  series,
  points,
  height = 340,
  signoffs,
  intervalBand = false,
  production,
  endLabels = series.length > 1,
}: ErrorRateChartProps) {
  const marksProduction = production !== undefined && modelVersions.includes(production);
  // Every version is labelled: where two-line labels would not fit side by side (a 390 px phone), they turn to one slanted line.
  const [plotWidth, setPlotWidth] = useState<number | null>(null);
  const slanted = plotWidth !== null && plotWidth / Math.max(1, modelVersions.length) < MIN_UPRIGHT_TICK_WIDTH;
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
  const [active, setActive] = useState<ActivePoint>(null);
  const geometryRef = useRef<ChartGeometry | null>(null);
  const descriptionId = useId();
  // Room on the right for the longest key beside its marker.
  const labelWidth = endLabels ? Math.min(140, 24 + 7 * Math.max(0, ...series.map((s) => s.key.length))) : 0;

  const samePointAs = (si: number, vi: number) => {
    const rate = points[si]?.[vi]?.errorRate;
    if (rate === null || rate === undefined) return [];
    const group = groupOverlappingPoints(series.map((_, i) => points[i]?.[vi]?.errorRate)).find((g) => g.rate === rate);
    return (group?.seriesIndices ?? []).filter((i) => i !== si).map((i) => series[i]!.key);
  };
  const activeText =
    active && series[active.si] && modelVersions[active.vi] !== undefined
      ? describeChartPoint({
          series: series[active.si]!,
          modelVersion: modelVersions[active.vi]!,
          production: modelVersions[active.vi] === production,
          point: points[active.si]?.[active.vi] ?? null,
          samePointAs: samePointAs(active.si, active.vi),
        })
      : "";

  const lastVersion = modelVersions.length - 1;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (series.length === 0 || modelVersions.length === 0) return;
    const current = active ?? { si: 0, vi: lastVersion };
    const moves: Record<string, () => ActivePoint> = {
      ArrowLeft: () => ({ ...current, vi: Math.max(0, current.vi - 1) }),
      ArrowRight: () => ({ ...current, vi: Math.min(lastVersion, current.vi + 1) }),
      ArrowUp: () => ({ ...current, si: Math.max(0, current.si - 1) }),
      ArrowDown: () => ({ ...current, si: Math.min(series.length - 1, current.si + 1) }),
      Home: () => ({ ...current, vi: 0 }),
      End: () => ({ ...current, vi: lastVersion }),
      Escape: () => null,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setActive(move());
  };

  const wrapperRef = useRef<HTMLDivElement | null>(null);
  // The wrapper is the chart's only tab stop. Recharts renders its layers into <g> elements through React portals, and
  // React's focus listeners on a portal's container make Chromium treat that <g> as focusable: Tab would stop on each
  // layer (and never leave the chart). Those layers come and go with the data, so every <g> gets tabindex=-1 as it appears.
  useLayoutEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    const untab = () => {
      for (const el of wrapper.querySelectorAll("svg, svg g")) if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    };
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(wrapper, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  // Focus that comes with a press (mouse, touch, pen) is followed by a click that picks the point: no default point then.
  // Changing the point between the press and its release would redraw what was pressed, and the browser then sends no
  // click. (A tap's compatibility mouse events, which move the focus, come after its pointerup: hence a time, not a flag.)
  // Never pressed yet: -Infinity, not 0 (performance.now() starts at the page load, so 0 read as "pressed" for a second after it).
  const pressedAt = useRef(Number.NEGATIVE_INFINITY);
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    // A click on a line or marker may focus one of recharts' inner elements: the focus belongs on the chart itself.
    if (event.target !== event.currentTarget) {
      event.currentTarget.focus({ preventScroll: true });
      return;
    }
    if (performance.now() - pressedAt.current < PRESS_FOCUS_MS) return;
    setActive((a) => a ?? (series.length > 0 && modelVersions.length > 0 ? { si: 0, vi: lastVersion } : null));
  };

  // A tap (touch) or a click reads out the point nearest to it, as the keyboard does: the nearest version, then the line
  // nearest at that version. Computed from the drawn positions, so it does not depend on recharts' hover state (a tap
  // sends no hover first).
  const onPointerSelect = (event: MouseEvent<HTMLDivElement>) => {
    const geometry = geometryRef.current;
    const surface = event.currentTarget.querySelector("svg.recharts-surface");
    if (!geometry || !surface || geometry.xs.length === 0) return;
    const box = surface.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const { plot, xs, ys } = geometry;
    if (x < plot.x - 8 || x > plot.x + plot.width + 8 || y < plot.y - 8 || y > plot.y + plot.height + 8) return;
    const vi = nearestIndex(xs.map((vx) => (vx === undefined ? undefined : Math.abs(vx - x))));
    if (vi < 0) return;
    const si = nearestIndex(ys.map((row) => (row[vi] === undefined ? undefined : Math.abs(row[vi]! - y))));
    setActive({ si: si < 0 ? (active?.si ?? 0) : si, vi });
  };

  const seriesList = series.length === 1 ? `${series[0]!.key} ${series[0]!.title}` : series.map((s) => s.key).join(", ");
  const name = `Error rate chart of ${seriesList} across ${modelVersions.length} model version${modelVersions.length === 1 ? "" : "s"}`;

  return (
    <div>
      <div
        ref={wrapperRef}
        role="application"
        tabIndex={0}
        aria-label={name}
        aria-describedby={descriptionId}
        data-testid="error-rate-chart"
        className="rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2"
        style={{ width: "100%", height }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={(event) => {
          // Focus handed back from an inner element to the wrapper (onFocus) is not leaving the chart.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setActive(null);
        }}
        onPointerDown={() => {
          pressedAt.current = performance.now();
        }}
        onClick={onPointerSelect}
      >
        <ResponsiveContainer width="100%" height="100%" onResize={(width) => setPlotWidth(width - PLOT_INSET - labelWidth)}>
          <ComposedChart
            data={rows}
            margin={{ top: MARGIN_TOP, right: 16 + labelWidth, bottom: MARGIN_BOTTOM, left: 0 }}
            // One named, focusable chart is the wrapper above: recharts' own layer would add an unnamed tab stop.
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis
              dataKey="label"
              tick={<VersionTick production={marksProduction ? production : undefined} slanted={slanted} />}
              tickLine={false}
              axisLine={{ stroke: "#cbd5e1" }}
              // Every version is labelled.
              interval={0}
              // Slanted: room for the longest (shortened) label; upright: a third line under the production version's tick.
              height={slanted ? 84 : marksProduction ? 56 : 40}
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
            <TargetLines series={series} compact={slanted} />
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
                dot={(props: { cx?: number; cy?: number; index?: number }) => (
                  <MarkerDot
                    key={`dot-${s.key}-${props.index}`}
                    cx={props.cx}
                    cy={props.cy}
                    shape={s.marker}
                    color={s.color}
                    r={4.5}
                    className="recharts-line-dot"
                    series={s.key}
                    version={props.index === undefined ? undefined : modelVersions[props.index]}
                  />
                )}
                activeDot={(props: { cx?: number; cy?: number; index?: number }) => (
                  <MarkerDot key={`active-${s.key}-${props.index}`} cx={props.cx} cy={props.cy} shape={s.marker} color={s.color} r={6.5} />
                )}
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
            {endLabels ? <EndLabels series={series} rows={rows} /> : null}
            <ActivePointRing active={active} series={series} rows={rows} geometryRef={geometryRef} />
            <Tooltip
              content={(props) => (
                <ChartTooltip {...props} series={series} points={points} modelVersions={modelVersions} signoffs={signoffs} production={production} />
              )}
              cursor={{ stroke: "#94a3b8", strokeDasharray: "3 3" }}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p id={descriptionId} className="sr-only">
        Left and right arrow keys move between model versions, up and down between problems; Home and End jump to the first and last
        version. Each point is read out with its 95% interval and n.
      </p>
      {/* The interval a mouse sees on hover, for keyboard and touch: shown and announced. */}
      <p aria-live="polite" data-testid="chart-point" className={activeText ? "mt-2 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-800" : "sr-only"}>
        {activeText}
      </p>
    </div>
  );
}

type PlotGeometry = { x: number; y: number; width: number; height: number };
/** Where things are drawn, in the svg's pixels: the plot area, each version's x, each series' y at each version (undefined: no point). */
type ChartGeometry = { plot: PlotGeometry; xs: (number | undefined)[]; ys: (number | undefined)[][] };

/** The index of the smallest defined distance, or -1. */
function nearestIndex(distances: (number | undefined)[]): number {
  let best = -1;
  distances.forEach((d, i) => {
    if (d !== undefined && (best < 0 || d < distances[best]!)) best = i;
  });
  return best;
}

type MarkerDotProps = { cx?: number; cy?: number; shape: MarkerShape; color: string; r: number; className?: string; series?: string; version?: string };

function MarkerDot({ cx, cy, shape, color, r, className, series, version }: MarkerDotProps) {
  if (cx === undefined || cy === undefined || cx === null || cy === null || Number.isNaN(cx) || Number.isNaN(cy)) return <g />;
  // A white outline keeps overlapping markers apart.
  return <path d={markerPath(shape, cx, cy, r)} fill={color} stroke="#ffffff" strokeWidth={1} className={className} data-marker={shape} data-series={series} data-version={version} />;
}

/**
 * One dashed line per distinct target: identical targets merge into one line labelled with every problem it belongs to.
 * Compact (a narrow chart, e.g. a 390 px phone): shorter, smaller labels ("≤ 20%: SENT-1, SENT-5") that cross fewer lines.
 */
function TargetLines({ series, compact = false }: { series: ErrorRateChartSeries[]; compact?: boolean }) {
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  if (!yScale || !plot) return null;
  const groups = groupTargets(series).map((group) => {
    const keys = group.seriesIndices.map((si) => series[si]!.key);
    const only = group.seriesIndices.length === 1 ? series[group.seriesIndices[0]!] : undefined;
    return {
      keys,
      y: yScale(group.target * 100) ?? plot.y,
      color: only?.color ?? "#475569",
      text: `${compact ? "≤ " : "target "}${formatTarget(group.target)}${series.length === 1 ? "" : `: ${keys.join(", ")}`}`,
    };
  });
  const labelYs = placeLabels(
    groups.map((g) => ({ id: g.keys.join(" "), y: g.y - 7 })),
    { gap: compact ? LABEL_GAP - 2 : LABEL_GAP, top: plot.y + 6, bottom: plot.y + plot.height - 6 },
  );
  return (
    <g className="error-rate-targets" aria-hidden="true">
      {groups.map((g, k) => (
        <g key={g.keys.join(" ")} data-testid="target-line" data-series={g.keys.join(" ")}>
          <line x1={plot.x} x2={plot.x + plot.width} y1={g.y} y2={g.y} stroke={g.color} strokeWidth={1.5} strokeDasharray="6 4" />
          <text
            x={plot.x + 4}
            y={labelYs[k]}
            dy="0.35em"
            fontSize={compact ? 10 : 11}
            fill="#334155"
            stroke="#ffffff"
            strokeWidth={3}
            paintOrder="stroke"
            strokeLinejoin="round"
          >
            {g.text}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Each line's key at its last point, in the right margin; labels of lines that end close together are moved apart. */
function EndLabels({ series, rows }: { series: ErrorRateChartSeries[]; rows: Row[] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  if (!xScale || !yScale || !plot) return null;
  const ends = series.flatMap((s, si) => {
    const vi = rows.findLastIndex((row) => row.values[si] !== null);
    if (vi < 0) return [];
    const x = xScale(rows[vi]!.label);
    const y = yScale(rows[vi]!.values[si]);
    return x === undefined || y === undefined ? [] : [{ s, x, y }];
  });
  const labelYs = placeLabels(
    ends.map((e) => ({ id: e.s.key, y: e.y })),
    { gap: LABEL_GAP, top: plot.y + 6, bottom: plot.y + plot.height },
  );
  const labelX = plot.x + plot.width + 10;
  return (
    <g className="error-rate-end-labels" aria-hidden="true">
      {ends.map(({ s, x, y }, k) => (
        <g key={s.key} data-testid="end-label" data-series={s.key}>
          <line x1={x + 7} y1={y} x2={labelX - 2} y2={labelYs[k]} stroke={s.color} strokeWidth={1} />
          <path d={markerPath(s.marker, labelX + 4, labelYs[k]!, 4)} fill={s.color} />
          <text x={labelX + 11} y={labelYs[k]} dy="0.35em" fontSize={11} fontWeight={600} fill="#1e293b">
            {s.key}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A ring and a guide at the point read out by keyboard or touch; also hands the drawn positions to the tap handler. */
function ActivePointRing({ active, series, rows, geometryRef }: { active: ActivePoint; series: ErrorRateChartSeries[]; rows: Row[]; geometryRef: { current: ChartGeometry | null } }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  useEffect(() => {
    geometryRef.current =
      plot && xScale && yScale
        ? {
            plot: { x: plot.x, y: plot.y, width: plot.width, height: plot.height },
            xs: rows.map((row) => xScale(row.label)),
            ys: series.map((_, si) => rows.map((row) => (row.values[si] === null || row.values[si] === undefined ? undefined : yScale(row.values[si])))),
          }
        : null;
  }, [plot, xScale, yScale, rows, series, geometryRef]);
  if (!active || !xScale || !yScale || !plot) return null;
  const row = rows[active.vi];
  const x = row ? xScale(row.label) : undefined;
  if (x === undefined) return null;
  const value = row?.values[active.si];
  const y = value === null || value === undefined ? undefined : yScale(value);
  return (
    <g className="error-rate-active-point" aria-hidden="true" data-testid="active-point">
      <line x1={x} x2={x} y1={plot.y} y2={plot.y + plot.height} stroke="#1d4ed8" strokeWidth={1} strokeDasharray="3 3" />
      {y !== undefined ? <circle cx={x} cy={y} r={10} fill="none" stroke="#1d4ed8" strokeWidth={2.5} /> : null}
      {y !== undefined ? <circle cx={x} cy={y} r={12.5} fill="none" stroke="#ffffff" strokeWidth={1.5} /> : null}
      <title>{series[active.si]?.key}</title>
    </g>
  );
}

type VersionTickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown }; production?: string; slanted?: boolean };

/** Narrower than this per version, upright two-line labels would overlap. */
const MIN_UPRIGHT_TICK_WIDTH = 72;
/** The chart's width minus the y axis, margins and padding: what the versions share. */
const PLOT_INSET = 44 + 16 + 48;
/** Slanted labels longer than this are shortened (the tooltip and the table carry the whole name). */
const SLANTED_MAX_CHARS = 16;

/** Model name on one line, version beneath it (and "★ production" under the production version); slanted on one line where that does not fit. */
function VersionTick({ x = 0, y = 0, payload, production, slanted = false }: VersionTickProps) {
  const label = String(payload?.value ?? "");
  if (slanted) {
    const short = label.length > SLANTED_MAX_CHARS ? `…${label.slice(-(SLANTED_MAX_CHARS - 1))}` : label;
    return (
      <text x={Number(x)} y={Number(y)} dy="0.9em" textAnchor="end" fontSize={11} fill="#1e293b" transform={`rotate(-40 ${Number(x)} ${Number(y)})`}>
        <title>{label}</title>
        {short}
        {label === production ? (
          <tspan fontWeight={600} fill="#065f46" data-testid="production-tick">
            {" "}
            {PRODUCTION_GLYPH}
          </tspan>
        ) : null}
      </text>
    );
  }
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
  // Lines drawn on the same spot show one marker: every one of them is listed, and says so.
  const overlaps = groupOverlappingPoints(series.map((_, si) => points[si]?.[vi]?.errorRate));
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
          const same = point?.errorRate != null ? (overlaps.find((g) => g.rate === point.errorRate)?.seriesIndices ?? []).filter((i) => i !== si) : [];
          return (
            <li key={s.key} className="flex items-start gap-2">
              <MarkerSwatch shape={s.marker} color={s.color} className="mt-0.5" />
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
                {same.length > 0 ? (
                  <span className="block font-medium text-slate-700" data-testid="tooltip-same-point">
                    same point as {same.map((i) => series[i]!.key).join(", ")}
                  </span>
                ) : null}
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

