import { markerPath, type MarkerShape } from "./series-markers";

// Plain module (not "use client"): the dashboard's legend (a server component) and the chart's tooltip draw the same swatch.
/** A series' marker shape in its colour, for HTML beside the chart (tooltip, legend, small multiples). */
export function MarkerSwatch({ shape, color, className = "" }: { shape: MarkerShape; color: string; className?: string }) {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" className={`shrink-0 ${className}`} data-marker={shape}>
      <path d={markerPath(shape, 6, 6, 4.5)} fill={color} />
    </svg>
  );
}
