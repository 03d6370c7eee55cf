"use client";
import { formatDateTime } from "@/components/ui/format-date";
import { listModelReplays, type ReplayRunPage } from "@/lib/api-client/replays";
import { usePolling } from "./use-polling";


export type ReplayProgressProps = {
  /** The model version whose latest replay run is shown. */
  modelVersionId: string;
  /** Poll interval while the run is queued or running (default 1000 ms). */
  intervalMs?: number;
};

const isActive = (status: string | undefined) => status === "queued" || status === "running";

type Run = ReplayRunPage["items"][number];

const TRIGGER_TEXT: Record<Run["trigger"], string> = {
  model_registered: "registration replay",
  patterns_changed: "back-fill",
  manual: "manual replay",
  api: "replay through the API",
  schedule: "scheduled replay",
  seed: "demo replay",
  now_test: "now-test",
};

/** "back-fill of 1 pattern, completed 2026-12-02 18:40 UTC": what the last run was, apart from the version's standing. */
function describeRun(run: Run): string {
  const what = `${TRIGGER_TEXT[run.trigger]} of ${run.total} pattern${run.total === 1 ? "" : "s"}`;
  if (run.status === "completed" || run.status === "failed" || run.status === "cancelled") {
    return `${what}, ${run.status}${run.finishedAt ? ` ${formatDateTime(run.finishedAt)}` : ""}`;
  }
  return `${what}, ${run.status}`;
}

/** The latest replay run of a model version: what it was, a progress bar with pass / fail / error counts, rate and ETA. */
export function ReplayProgress({ modelVersionId, intervalMs = 1_000 }: ReplayProgressProps) {
  const page = usePolling(`latest-replay:${modelVersionId}`, () => listModelReplays(modelVersionId, { limit: 1 }), intervalMs, (data) => isActive(data?.items[0]?.status));
  const run = page?.items[0];
  if (!page) return <div className="text-sm text-zinc-500">Loading replay progress…</div>;
  if (!run) return <div className="text-sm text-zinc-600">Last run: none yet — this version has not been replayed.</div>;
  const share = (n: number) => (run.total ? `${(n / run.total) * 100}%` : "0%");
  const done = run.total - run.pending;
  return (
    <div className="space-y-2" aria-live="polite" data-testid="last-run">
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
        <span className="font-medium">
          Last run: {describeRun(run)}
          {run.status === "failed" && run.error ? `: ${run.error}` : ""}
        </span>
        <span className="tabular-nums text-zinc-500">
          {done} / {run.total}
          {run.rate !== null && isActive(run.status) ? ` · ${run.rate}/s` : ""}
          {run.etaSeconds && isActive(run.status) ? ` · ${formatEta(run.etaSeconds)} left` : ""}
        </span>
      </div>
      <div
        className="flex h-2 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={done}
        aria-label="Last run progress"
      >
        <div className="bg-emerald-500" style={{ width: share(run.passed) }} />
        <div className="bg-rose-500" style={{ width: share(run.failed) }} />
        <div className="bg-amber-500" style={{ width: share(run.errored) }} />
        <div className="bg-sky-400" style={{ width: share(run.ungraded) }} />
      </div>
      <div className="flex gap-4 text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
        <span>{run.passed} pass</span>
        <span>{run.failed} fail</span>
        <span>{run.errored} error</span>
        {run.ungraded > 0 && <span>{run.ungraded} to grade</span>}
        {run.pending > 0 && <span>{run.pending} pending</span>}
      </div>
    </div>
  );
}

function formatEta(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
