import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format-date";
import type { NowTestTimelineEntry } from "@/lib/now-tests/list-now-test-timeline";
import { RunNowTestButton } from "./run-now-test-button";

type Props = {
  projectSlug: string;
  modelVersionId: string;
  entries: NowTestTimelineEntry[];
  /** Null: this version cannot be now-tested (not in production), with why. */
  blockedReason: string | null;
  canRun: boolean;
};

function Findings({ entry, projectSlug }: { entry: NowTestTimelineEntry; projectSlug: string }) {
  if (entry.status === "running") return <p className="text-sm text-slate-600">Replaying every current pattern…</p>;
  const changed = entry.changed.length;
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p>
        {entry.compared === 0
          ? "Nothing to compare with yet: no earlier outputs with this configuration."
          : changed === 0
            ? `No output changed (${entry.compared} compared).`
            : `${changed} of ${entry.compared} outputs changed although the version did not.`}
      </p>
      {changed > 0 ? (
        <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label="Patterns whose output changed">
          {entry.changed.filter((p) => p.name).map((pattern) => (
            <li key={pattern.id}>
              <Link href={`/projects/${projectSlug}/patterns/${pattern.id}`} className="text-blue-700 hover:underline">
                {pattern.name}
              </Link>
            </li>
          ))}
          {changed > entry.changed.filter((p) => p.name).length ? <li className="text-slate-500">and {changed - entry.changed.filter((p) => p.name).length} more</li> : null}
        </ul>
      ) : null}
      {entry.crossed.length > 0 ? (
        <p>
          Crossed the target:{" "}
          {entry.crossed.map((problem, i) => (
            <span key={problem.id}>
              {i > 0 ? ", " : ""}
              <Link href={`/projects/${projectSlug}/problems/${problem.key}`} className="font-medium text-blue-700 hover:underline">
                {problem.key}
              </Link>{" "}
              {problem.title}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

function statusBadge(entry: NowTestTimelineEntry) {
  if (entry.status === "running") return <Badge tone="blue">running</Badge>;
  if (entry.status === "failed") return <Badge tone="red">replay failed</Badge>;
  if (entry.changed.length > 0) return <Badge tone="amber">outputs changed</Badge>;
  return <Badge tone="green">unchanged</Badge>;
}

/** The version's now-tests, newest first: when, what changed, which problems crossed their target. */
export function NowTestTimeline({ projectSlug, modelVersionId, entries, blockedReason, canRun }: Props) {
  return (
    <div className="space-y-4">
      {canRun ? <RunNowTestButton modelVersionId={modelVersionId} blockedReason={blockedReason} running={entries.some((e) => e.status === "running")} /> : null}
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">No now-test yet.{blockedReason ? ` ${blockedReason}` : ""}</p>
      ) : (
        <ol className="relative space-y-4 border-l border-slate-200 pl-5" aria-label="Now-test timeline" data-testid="now-test-timeline">
          {entries.map((entry) => (
            <li key={entry.id} className="relative" data-testid="now-test-entry">
              <span
                aria-hidden
                className={`absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full ring-4 ring-white ${entry.status === "running" ? "bg-blue-500" : entry.changed.length > 0 || entry.status === "failed" ? "bg-amber-500" : "bg-emerald-500"}`}
              />
              <div className="flex flex-wrap items-center gap-2">
                <time dateTime={new Date(entry.createdAt).toISOString()} className="text-sm font-medium text-slate-900">
                  {formatDateTime(entry.createdAt)}
                </time>
                {statusBadge(entry)}
              </div>
              <Findings entry={entry} projectSlug={projectSlug} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
