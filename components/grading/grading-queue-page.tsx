import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import type { GradingQueueItem } from "@/lib/grading/list-grading-queue-items";
import { GradingQueue } from "./grading-queue";

type GradingQueuePageProps = {
  project: { slug: string };
  items: GradingQueueItem[];
  /** The page's cursor (absent: the first page). */
  cursor?: string;
  nextCursor: string | null;
};

export function GradingQueuePage({ project, items, cursor, nextCursor }: GradingQueuePageProps) {
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title="Grading"
        description="Outputs of patterns whose expectation is judged by a person. Each distinct output is graded once; the grade counts for every model version that gives it, now and in later replays."
      />
      <GradingQueue key={cursor ?? "first"} projectSlug={project.slug} items={items} />
      {nextCursor ? (
        <p className="mt-4 text-sm">
          <Link href={`/projects/${project.slug}/grading?cursor=${encodeURIComponent(nextCursor)}`} className="font-medium text-blue-700 hover:underline">
            More outputs to grade →
          </Link>
        </p>
      ) : null}
    </div>
  );
}
