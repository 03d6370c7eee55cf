import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { Card } from "@/components/ui/card";
import { PageHeaderSkeleton } from "@/components/ui/skeleton";

/** A problem's page while it loads: its header and the chart's place at the chart's height. */
export function ProblemSkeleton() {
  return (
    <div aria-busy="true">
      <PageHeaderSkeleton />
      <Card title="Error rate by model version">
        <ChartSkeleton height={260} />
      </Card>
    </div>
  );
}
