import { PageLoading } from "@/components/layout/navigation-progress";
import { PageSkeleton } from "@/components/ui/skeleton";

// Every project page without its own placeholder (model version, compare, lists, forms) while it loads.
export default function Loading() {
  return (
    <PageLoading>
      <PageSkeleton />
    </PageLoading>
  );
}
