import Link from "next/link";
import { SeverityBadge } from "@/components/ui/badge";
import type { Severity } from "@/lib/db/generated/enums";

/** How a problem heads a row in every per-problem table: its key (a link to it), severity and title. */
export function ProblemLabel({ projectSlug, problem }: { projectSlug: string; problem: { key: string; severity: Severity; title: string } }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Link href={`/projects/${projectSlug}/problems/${encodeURIComponent(problem.key)}`} className="font-semibold text-blue-700 hover:underline">
          {problem.key}
        </Link>
        <SeverityBadge severity={problem.severity} />
      </div>
      <div className="mt-0.5 text-slate-700">{problem.title}</div>
    </>
  );
}
