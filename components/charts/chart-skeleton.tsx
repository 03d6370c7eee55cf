import { SkeletonBlock } from "@/components/ui/skeleton";

/** Where a chart will appear, at the chart's own height (no jump when it arrives), saying "Loading chart…" in words. */
export function ChartSkeleton({ height = 340 }: { height?: number }) {
  return (
    <div role="status" data-testid="chart-skeleton" className="relative flex items-center justify-center" style={{ height }}>
      {/* Only the background pulses: the words keep their contrast. */}
      <SkeletonBlock className="absolute inset-0 bg-slate-100" />
      <svg aria-hidden="true" className="absolute inset-0 h-full w-full" preserveAspectRatio="none" viewBox="0 0 100 100">
        {[20, 40, 60, 80].map((y) => (
          <line key={y} x1="6" x2="98" y1={y} y2={y} stroke="#e2e8f0" strokeWidth="0.6" vectorEffect="non-scaling-stroke" />
        ))}
      </svg>
      <span className="relative rounded bg-white px-2 py-1 text-sm text-slate-700">Loading chart…</span>
    </div>
  );
}
