"use client";
import { createContext, useContext, type ReactNode } from "react";
import { usePolling } from "@/components/replay/use-polling";
import { listActiveReplays, type ReplayRunPage } from "@/lib/api-client/replays";

type ActiveRun = ReplayRunPage["items"][number];

const ActiveRunsContext = createContext<ActiveRun[]>([]);

/** One poll of the project's queued and running replays, shared by every row's badge. */
export function ActiveReplaysProvider({ projectId, children }: { projectId: string; children: ReactNode }) {
  const page = usePolling(`active-replays:${projectId}`, () => listActiveReplays(projectId), 2_000, (data) => (data?.items.length ?? 0) > 0);
  return <ActiveRunsContext.Provider value={page?.items ?? []}>{children}</ActiveRunsContext.Provider>;
}

/** "Replaying 43%" beside a model version while one of its runs is queued or running; nothing otherwise. */
export function ModelReplayBadge({ modelVersionId }: { modelVersionId: string }) {
  const runs = useContext(ActiveRunsContext).filter((run) => run.modelVersionId === modelVersionId);
  if (!runs.length) return null;
  const total = runs.reduce((sum, run) => sum + run.total, 0);
  const done = runs.reduce((sum, run) => sum + run.total - run.pending, 0);
  const queued = runs.every((run) => run.status === "queued");
  return (
    <span role="status" className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-full bg-sky-50 px-2 py-0.5 text-xs font-medium text-sky-800 ring-1 ring-inset ring-sky-200">
      <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-sky-500" aria-hidden />
      {queued ? "Replay queued" : `Replaying ${total ? Math.floor((done / total) * 100) : 0}%`}
    </span>
  );
}
