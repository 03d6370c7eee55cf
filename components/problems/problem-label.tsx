import Link from "next/link";
import type { ReactNode } from "react";
import { SeverityBadge } from "@/components/ui/badge";
import type { Severity } from "@/lib/db/generated/enums";

/** How a problem heads a row in every per-problem table or list: its key (a link to it), severity, any further badges, and title. */
export function ProblemLabel({ projectSlug, problem, children }: { projectSlug: string; problem: { key: string; severity: Severity; title: string }; children?: ReactNode }) {
  return (
    <>
      <div className="label-row">
        <Link href={`/projects/${projectSlug}/problems/${encodeURIComponent(problem.key)}`} className="key-link">
          {problem.key}
        </Link>
        <SeverityBadge severity={problem.severity} />
        {children}
      </div>
      <div className="mt-0.5 text-slate-700">{problem.title}</div>
    </>
  );
}
