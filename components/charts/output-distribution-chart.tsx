"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatShare, formatBucketValue, type BucketScale } from "./output-distribution-format";
import { seriesColor } from "./series-colors";

export type OutputDistributionChartProps = {
  /** What the bars are: labels or texts (one bar each), or a histogram of numbers or of text lengths (bins by lower bound). */
  scale: BucketScale;
  buckets: { value: string | number; count: number }[];
  /** The chart's accessible name, e.g. "Outputs of sentiment 2.1 by label". */
  name: string;
  /** Colour index (series-colors), so a version keeps its colour side by side. */
  colorIndex?: number;
  testId?: string;
  /** Most bars drawn for labels and texts (the table lists them all). */
  maxBars?: number;
};

const BAR_ROW = 28;

/**
 * A bar chart of an output distribution: a horizontal bar per label or text
 * (names stay readable at 390 px), columns for a histogram. The same figures
 * are in a table under it, for screen readers and anyone who wants numbers.
 */
export function OutputDistributionChart({ scale, buckets, name, colorIndex = 0, testId = "output-distribution-chart", maxBars = 12 }: OutputDistributionChartProps) {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  const categorical = scale === "label" || scale === "text";
  const shown = categorical ? buckets.slice(0, maxBars) : buckets;
  const rows = shown.map((b, i) => ({ key: i, name: formatBucketValue(scale, b.value, buckets[i + 1]?.value), count: b.count, share: total ? b.count / total : 0 }));
  const color = seriesColor(colorIndex);
  const height = categorical ? Math.max(120, rows.length * BAR_ROW + 40) : 220;
  const summary = rows.length === 0 ? "no outputs" : rows.slice(0, 6).map((r) => `${r.name}: ${r.count}`).join(", ") + (rows.length > 6 ? ", …" : "");

  return (
    <figure data-testid={testId} data-buckets={buckets.length} className="min-w-0">
      <div role="img" aria-label={`${name}. ${summary}.`} style={{ width: "100%", height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout={categorical ? "vertical" : "horizontal"}
            margin={{ top: 8, right: 16, bottom: categorical ? 8 : 24, left: 0 }}
            accessibilityLayer={false}
            barCategoryGap={categorical ? 4 : 1}
          >
            <CartesianGrid stroke="#e2e8f0" horizontal={!categorical} vertical={categorical} />
            {categorical ? (
              <>
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} />
                <YAxis type="category" dataKey="name" width={112} tick={{ fontSize: 12, fill: "#1e293b" }} tickFormatter={(text: string) => (text.length > 16 ? `${text.slice(0, 15)}…` : text)} />
              </>
            ) : (
              <>
                <XAxis dataKey="name" tick={{ fontSize: 11, fill: "#475569" }} interval="preserveStartEnd" angle={-20} textAnchor="end" height={40} />
                <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12, fill: "#475569" }} />
              </>
            )}
            <Tooltip
              cursor={{ fill: "#f1f5f9" }}
              formatter={(value, _name, item) => [`${value} (${formatShare((item.payload as { share: number }).share)})`, "Outputs"]}
            />
            <Bar dataKey="count" fill={color} isAnimationActive={false} radius={categorical ? [0, 3, 3, 0] : [3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700 hover:text-slate-900">Show as table</summary>
        <Table aria-label={`${name}, as a table`} containerClassName="mt-2">
          <TableHead>
            <TableRow>
              <TableHeaderCell>{scale === "label" ? "Label" : scale === "text" ? "Output" : scale === "length" ? "Length (characters)" : "Value"}</TableHeaderCell>
              <TableHeaderCell className="text-right">Outputs</TableHeaderCell>
              <TableHeaderCell className="text-right">Share</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {buckets.map((b, i) => (
              <TableRow key={i}>
                <TableCell className="max-w-xs break-words">{formatBucketValue(scale, b.value, buckets[i + 1]?.value)}</TableCell>
                <TableCell className="text-right tabular-nums">{b.count}</TableCell>
                <TableCell className="text-right tabular-nums">{formatShare(total ? b.count / total : 0)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </figure>
  );
}
