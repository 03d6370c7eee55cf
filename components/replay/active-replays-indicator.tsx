"use client";
import { listActiveReplays } from "@/lib/api-client/replays";
import { usePolling } from "./use-polling";

export type ActiveReplaysIndicatorProps = {
  /** The project whose queued and running replays are summed; without one the indicator renders nothing. */
  projectId?: string;
  /** Poll interval while runs are active (default 2000 ms; 4 s when idle). */
  intervalMs?: number;
};

/** A small pill for the global header: "Replaying 2 runs · 43%"; nothing when no run is active. */
export function ActiveReplaysIndicator({ projectId, intervalMs = 2_000 }: ActiveReplaysIndicatorProps) {
  const page = usePolling(projectId ? `active-replays:${projectId}` : null, () => listActiveReplays(projectId ?? ""), intervalMs, (data) => (data?.items.length ?? 0) > 0);
  const runs = page?.items ?? [];
  if (runs.length === 0) return null;
  const total = runs.reduce((sum, run) => sum + run.total, 0);
  const done = runs.reduce((sum, run) => sum + run.total - run.pending, 0);
  const percent = total ? Math.floor((done / total) * 100) : 0;
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full bg-sky-100 px-2.5 py-0.5 text-xs font-medium text-sky-800 dark:bg-sky-900/40 dark:text-sky-200" role="status">
      <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-sky-500" aria-hidden />
      Replaying {runs.length} {runs.length === 1 ? "run" : "runs"} · {percent}%
    </span>
  );
}
