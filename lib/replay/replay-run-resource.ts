import type { ReplayRun } from "@/lib/db/generated/client";

/** The columns a ReplayRunResource is built from. */
export const replayRunResourceSelect = {
  id: true, projectId: true, modelVersionId: true, trigger: true, status: true, total: true, passed: true, failed: true,
  errored: true, ungraded: true, error: true, createdAt: true, startedAt: true, finishedAt: true,
} as const;

export type ReplayRunResource = Pick<
  ReplayRun,
  "id" | "projectId" | "modelVersionId" | "trigger" | "status" | "total" | "passed" | "failed" | "errored" | "ungraded" | "error" | "createdAt" | "startedAt" | "finishedAt"
> & {
  /** Items not finished yet: total − passed − failed − errored − ungraded. */
  pending: number;
  /** Results per second since the run started. */
  rate: number | null;
  /** Seconds until every item is finished at the current rate; null when unknown or finished. */
  etaSeconds: number | null;
};

/** The API shape of a run: its counts plus pending, rate and ETA, computed at `now`. */
export function toReplayRunResource(run: Omit<ReplayRunResource, "pending" | "rate" | "etaSeconds">, now: Date = new Date()): ReplayRunResource {
  const finished = run.passed + run.failed + run.errored + run.ungraded;
  const pending = Math.max(0, run.total - finished);
  const end = run.finishedAt ?? now;
  const seconds = run.startedAt ? (end.getTime() - run.startedAt.getTime()) / 1000 : 0;
  const rate = run.startedAt && seconds > 0 ? finished / seconds : null;
  const etaSeconds = pending > 0 && rate && rate > 0 && !run.finishedAt ? Math.ceil(pending / rate) : pending === 0 ? 0 : null;
  return { ...run, pending, rate: rate === null ? null : Math.round(rate * 10) / 10, etaSeconds };
}
