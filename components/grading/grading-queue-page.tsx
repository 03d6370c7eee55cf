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
  /** Showing one pattern's history (every revision) instead of the queue. */
  patternId?: string;
};

export function GradingQueuePage({ project, items, cursor, nextCursor, patternId }: GradingQueuePageProps) {
  const patternQuery = patternId ? `&pattern=${encodeURIComponent(patternId)}` : "";
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title="Grading"
        description={
          patternId
            ? "One pattern's ungraded outputs, of every revision (older revisions no longer count towards error rates)."
            : "Outputs of the current revisions of patterns whose expectation is judged by a person. Each distinct output is graded once; the grade counts for every model version that gives it, now and in later replays."
        }
      />
      {patternId ? (
        <p className="mb-4 text-sm">
          <Link href={`/projects/${project.slug}/grading`} className="font-medium text-blue-700 hover:underline">
            ← The whole grading queue
          </Link>
        </p>
      ) : null}
      <GradingQueue key={cursor ?? "first"} projectSlug={project.slug} items={items} />
      {nextCursor ? (
        <p className="mt-4 text-sm">
          <Link href={`/projects/${project.slug}/grading?cursor=${encodeURIComponent(nextCursor)}${patternQuery}`} className="font-medium text-blue-700 hover:underline">
            More outputs to grade →
          </Link>
        </p>
      ) : null}
    </div>
  );
}
