"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { ReplayProgress } from "@/components/replay/replay-progress";
import { ReplayStanding } from "@/components/replay/replay-standing";
import { usePolling } from "@/components/replay/use-polling";
import { Button, InlineError } from "@/components/ui/form-controls";
import { listModelReplays, requestReplay } from "@/lib/api-client/replays";
import type { ModelVersionStanding } from "@/lib/results/get-model-version-standing";

type ReplayPanelProps = {
  modelVersionId: string;
  /** Where the version stands over all current patterns (as the page was rendered; it re-renders when a run finishes). */
  standing: ModelVersionStanding;
  /** The actor may request replays. */
  canReplay: boolean;
  /** Why "Replay now" is unavailable (e.g. the model file is not uploaded yet), if it is. */
  replayBlockedReason?: string | null;
  /** When the server rendered the page: a run that finished after it makes the tables stale. */
  renderedAt: string;
};

const isActive = (status: string | undefined) => status === "queued" || status === "running";

/** The version's standing over all current patterns, the last run's live progress apart from it, "Replay now", and fresh tables when a run finishes. */
export function ReplayPanel({ modelVersionId, standing, canReplay, replayBlockedReason, renderedAt }: ReplayPanelProps) {
  const form = useApiForm();
  // A new run restarts the progress bar's polling at once instead of at its idle interval.
  const [generation, setGeneration] = useState(0);
  return (
    <div className="space-y-4">
      <ReplayStanding standing={standing} />
      <div className="border-t border-slate-100 pt-3">
        <ReplayProgress key={generation} modelVersionId={modelVersionId} />
      </div>
      <RefreshWhenReplayFinishes key={`watch-${generation}`} modelVersionId={modelVersionId} renderedAt={renderedAt} shownReplaying={standing.replaying > 0} />
      {canReplay ? (
        <div className="space-y-1">
          <Button
            type="button"
            tone="secondary"
            disabled={form.pending || !!replayBlockedReason}
            onClick={() =>
              void form.run(async () => {
                await requestReplay(modelVersionId);
                setGeneration((g) => g + 1);
              })
            }
          >
            {form.pending ? "Requesting…" : "Replay now"}
          </Button>
          <p className="text-xs text-slate-500">{replayBlockedReason ?? "Replays every current pattern; results of a rerun replace the older ones."}</p>
          <InlineError message={form.error?.message} />
        </div>
      ) : null}
    </div>
  );
}

/**
 * Re-renders the server page (error rates, results) when the latest run stops
 * being active — also when it finished before the first poll but after the page
 * was rendered (a fast run on a busy machine is never seen active), or while the
 * page still shows patterns replaying that no active run explains: a run's
 * finished_at is its completing transaction's start, so a page rendered while
 * that transaction committed can postdate it and still show the run pending. A refresh
 * can be lost (one asked while a navigation is still streaming): while the page
 * still predates the run's end, every idle poll 10 s or more after the last ask
 * asks again.
 */
function RefreshWhenReplayFinishes({ modelVersionId, renderedAt, shownReplaying }: { modelVersionId: string; renderedAt: string; shownReplaying: boolean }) {
  const router = useRouter();
  const page = usePolling(`latest-replay:${modelVersionId}`, () => listModelReplays(modelVersionId, { limit: 1 }), 2_000, (data) => isActive(data?.items[0]?.status));
  const wasActive = useRef(false);
  const lastAsk = useRef<{ renderedAt: string; at: number } | null>(null);
  const run = page?.items[0];
  const status = run?.status;
  const finishedAt = run?.finishedAt ? String(run.finishedAt) : null;
  useEffect(() => {
    if (status === undefined) return;
    const becameIdle = wasActive.current && !isActive(status);
    wasActive.current = isActive(status);
    const staleAfterFinish = !isActive(status) && (shownReplaying || (finishedAt !== null && Date.parse(finishedAt) > Date.parse(renderedAt)));
    if (!becameIdle && !staleAfterFinish) return;
    const last = lastAsk.current;
    if (!becameIdle && last && last.renderedAt === renderedAt && Date.now() - last.at < 10_000) return;
    lastAsk.current = { renderedAt, at: Date.now() };
    router.refresh();
    // `page` is a new object on every poll: each poll re-checks.
  }, [page, status, finishedAt, renderedAt, shownReplaying, router]);
  return null;
}
