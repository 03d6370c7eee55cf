import { PageLoading } from "@/components/layout/navigation-progress";
import { ProblemSkeleton } from "@/components/problems/problem-skeleton";

export default function Loading() {
  return (
    <PageLoading>
      <ProblemSkeleton />
    </PageLoading>
  );
}
