import { ProblemSkeleton } from "@/components/problems/problem-skeleton";

export default function Loading() {
  return <ProblemSkeleton />;
}
