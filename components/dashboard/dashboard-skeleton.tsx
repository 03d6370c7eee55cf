import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { Card } from "@/components/ui/card";
import { PageHeaderSkeleton, SkeletonBlock } from "@/components/ui/skeleton";

/** The dashboard while it loads: its header, filter and the chart's place at the chart's height. */
export function DashboardSkeleton() {
  return (
    <div aria-busy="true">
      <PageHeaderSkeleton />
      <SkeletonBlock className="mb-6 h-24 w-full" />
      <Card title="Error rate by model version">
        <ChartSkeleton height={340} />
      </Card>
    </div>
  );
}
