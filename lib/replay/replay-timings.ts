// Where replay time goes in this process (model calls, database writes, slot
// waits, job handlers), summed per kind: cheap enough to keep always on, read
// by `npm run bench:replay` to print its breakdown.

export type ReplayTimingKind = "call" | "write" | "slotWait" | "prepare" | "handler";
export type ReplayTiming = { count: number; totalMs: number; maxMs: number };

const totals = new Map<ReplayTimingKind, ReplayTiming>();

export const replayTimings = {
  add(kind: ReplayTimingKind, ms: number): void {
    const entry = totals.get(kind) ?? { count: 0, totalMs: 0, maxMs: 0 };
    entry.count += 1;
    entry.totalMs += ms;
    entry.maxMs = Math.max(entry.maxMs, ms);
    totals.set(kind, entry);
  },
  /** The totals since the last take, and starts counting afresh. */
  take(): Partial<Record<ReplayTimingKind, ReplayTiming>> {
    const snapshot = Object.fromEntries(totals);
    totals.clear();
    return snapshot;
  },
};
