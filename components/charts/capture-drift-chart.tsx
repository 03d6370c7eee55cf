"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { CaptureDrift } from "@/lib/captures/capture-drift.schema";
import { formatShare } from "./output-distribution-format";
import { seriesColor } from "./series-colors";

const CAPTURES = "#cbd5e1";
const SHIFT = seriesColor(1);
const BAD = seriesColor(0);

/** "2026-11-23" → "Nov 23" (UTC, the week's Monday). */
function weekLabel(week: string): string {
  return new Date(`${week}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/**
 * The captures page's drift chart, week by week: captures (bars, left axis),
 * the share rated bad and the shift of the captured outputs from the
 * production version's (lines, right axis 0–1) with the alert threshold as a
 * dashed line. The same figures are in a table under it.
 */
export function CaptureDriftChart({ drift }: { drift: CaptureDrift }) {
  const rows = drift.weeks.map((w) => ({ ...w, label: weekLabel(w.week) }));
  const latest = drift.weeks.findLast((w) => w.shift !== null);
  const over = latest && drift.threshold !== null && latest.shift! > drift.threshold;
  const name = `Capture drift over the last ${rows.length} weeks: captures per week, share rated bad, and the shift of captured outputs from ${
    drift.productionVersion ? `${drift.productionVersion.name} ${drift.productionVersion.version}` : "the production version"
  }${drift.threshold !== null ? ` against the threshold ${drift.threshold}` : ""}. ${
    latest ? `Latest measured week ${weekLabel(latest.week)}: shift ${latest.shift!.toFixed(2)}${over ? ", over the threshold" : ""}.` : "No week has enough captured outputs to measure a shift."
  }`;

  return (
    <figure data-testid="capture-drift-chart" data-over-threshold={over ? "true" : "false"} className="min-w-0">
      <div role="img" aria-label={name} style={{ width: "100%", height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 8, right: 0, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} interval="preserveStartEnd" minTickGap={12} />
            <YAxis yAxisId="captures" allowDecimals={false} width={36} tick={{ fontSize: 12, fill: "#475569" }} />
            <YAxis yAxisId="share" orientation="right" domain={[0, 1]} width={40} tick={{ fontSize: 12, fill: "#475569" }} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
            <Tooltip
              formatter={(value, key) => {
                if (key === "captures") return [value, "Captures"];
                if (value === null || value === undefined) return ["—", key === "shift" ? "Shift" : "Rated bad"];
                return key === "shift" ? [Number(value).toFixed(2), "Shift"] : [formatShare(Number(value)), "Rated bad"];
              }}
            />
            <Bar yAxisId="captures" dataKey="captures" fill={CAPTURES} isAnimationActive={false} />
            <Line yAxisId="share" dataKey="badShare" stroke={BAD} strokeWidth={2} strokeDasharray="5 3" dot={{ r: 3, fill: BAD }} connectNulls isAnimationActive={false} />
            <Line yAxisId="share" dataKey="shift" stroke={SHIFT} strokeWidth={2.5} dot={{ r: 4, fill: "#fff", stroke: SHIFT, strokeWidth: 2 }} connectNulls isAnimationActive={false} />
            {drift.threshold !== null ? (
              <ReferenceLine yAxisId="share" y={drift.threshold} stroke="#b91c1c" strokeDasharray="2 4" label={{ value: `threshold ${drift.threshold}`, position: "insideTopLeft", fontSize: 11, fill: "#991b1b" }} />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ul aria-hidden="true" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-3 rounded-sm" style={{ background: CAPTURES }} /> Captures
        </li>
        <li className="flex items-center gap-1.5">
          <svg width="20" height="8" aria-hidden="true"><line x1="0" y1="4" x2="20" y2="4" stroke={SHIFT} strokeWidth="2.5" /><circle cx="10" cy="4" r="3" fill="#fff" stroke={SHIFT} strokeWidth="2" /></svg> Shift of outputs
        </li>
        <li className="flex items-center gap-1.5">
          <svg width="20" height="8" aria-hidden="true"><line x1="0" y1="4" x2="20" y2="4" stroke={BAD} strokeWidth="2" strokeDasharray="5 3" /></svg> Rated bad
        </li>
        {drift.threshold !== null ? (
          <li className="flex items-center gap-1.5">
            <svg width="20" height="8" aria-hidden="true"><line x1="0" y1="4" x2="20" y2="4" stroke="#b91c1c" strokeDasharray="2 4" /></svg> Threshold
          </li>
        ) : null}
      </ul>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700 hover:text-slate-900">Show as table</summary>
        <Table aria-label="Capture drift per week" containerClassName="mt-2">
          <TableHead>
            <TableRow>
              <TableHeaderCell>Week of</TableHeaderCell>
              <TableHeaderCell className="text-right">Captures</TableHeaderCell>
              <TableHeaderCell className="text-right">Rated</TableHeaderCell>
              <TableHeaderCell className="text-right">Rated bad</TableHeaderCell>
              <TableHeaderCell className="text-right">Shift</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {drift.weeks.map((w) => (
              <TableRow key={w.week}>
                <TableHeaderCell scope="row" className="whitespace-nowrap font-normal">
                  <time dateTime={w.week}>{w.week}</time>
                </TableHeaderCell>
                <TableCell className="text-right tabular-nums">{w.captures}</TableCell>
                <TableCell className="text-right tabular-nums">{w.rated}</TableCell>
                <TableCell className="text-right tabular-nums">{w.badShare === null ? "—" : `${w.ratedBad} (${formatShare(w.badShare)})`}</TableCell>
                <TableCell className={`text-right tabular-nums ${drift.threshold !== null && w.shift !== null && w.shift > drift.threshold ? "font-semibold text-red-800" : ""}`}>
                  {w.shift === null ? "—" : w.shift.toFixed(2)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </figure>
  );
}
