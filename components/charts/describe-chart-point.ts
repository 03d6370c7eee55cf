import { formatTarget } from "@/lib/format/format-percent";
import { isThinEvidence } from "@/lib/stats/thin-evidence";

const pct = (rate: number) => `${Math.round(rate * 100)}%`;

type DescribedPoint = {
  series: { key: string; title: string; target: number };
  modelVersion: string;
  production: boolean;
  point: { errorRate: number | null; n: number; low: number; high: number; errored: number } | null;
  /** Keys of the other series drawn on the very same spot (see groupOverlappingPoints). */
  samePointAs: readonly string[];
};

/**
 * One point in words, as the chart's live region announces it and its details line shows it:
 * problem, version, rate, 95% interval, n — the interval a mouse sees on hover, for keyboard and touch.
 */
export function describeChartPoint({ series, modelVersion, production, point, samePointAs }: DescribedPoint): string {
  const where = `${series.key} ${series.title}, ${modelVersion}${production ? " (production)" : ""}`;
  if (!point || point.errorRate === null) {
    const errored = point && point.errored > 0 ? ` (${point.errored} errored call${point.errored === 1 ? "" : "s"})` : "";
    return `${where}: no result${errored}.`;
  }
  const above = point.errorRate > series.target;
  const parts = [
    `error rate ${pct(point.errorRate)}`,
    `95% interval ${pct(point.low)}–${pct(point.high)}`,
    `n = ${point.n}${isThinEvidence(point.n) ? " (thin evidence)" : ""}`,
    `${above ? "above" : "within"} target ≤ ${formatTarget(series.target)}`,
  ];
  if (point.errored > 0) parts.push(`${point.errored} errored`);
  const same = samePointAs.length > 0 ? ` Same point as ${samePointAs.join(", ")}.` : "";
  return `${where}: ${parts.join(", ")}.${same}`;
}
