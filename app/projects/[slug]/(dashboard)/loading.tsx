import { PageLoading } from "@/components/layout/navigation-progress";
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";

// In a route group, so only the dashboard shows its chart placeholder; other project pages use ../loading.tsx.
export default function Loading() {
  return (
    <PageLoading>
      <DashboardSkeleton />
    </PageLoading>
  );
}
