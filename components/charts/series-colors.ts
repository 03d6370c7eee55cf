import { seriesMarker, type MarkerShape } from "./series-markers";

// Okabe–Ito palette (distinguishable with common colour-vision deficiencies),
// without its yellow, which is unreadable on white; then darker extras.
export const seriesColors = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#1F2937",
  "#7C3AED",
  "#B91C1C",
  "#65A30D",
] as const;

/** A stable colour per series index (e.g. a problem's number), so filtering does not recolour lines. */
export function seriesColor(index: number): string {
  return seriesColors[((index % seriesColors.length) + seriesColors.length) % seriesColors.length] ?? "#1F2937";
}

/** A series' colour and marker shape together: lines differ by shape too, not by colour alone. */
export function seriesStyle(index: number): { color: string; marker: MarkerShape } {
  return { color: seriesColor(index), marker: seriesMarker(index) };
}
