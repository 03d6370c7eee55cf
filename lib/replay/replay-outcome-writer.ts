import "server-only";
import type { PreparedItem } from "@/lib/connectors/load-connector-items";
import { hashJson } from "@/lib/scoring/canonical-json";
import type { Expectation } from "@/lib/scoring/expectation.schema";
import { judgeOutput } from "@/lib/scoring/judge-output";
import type { FinalOutcome } from "./invoke-with-retries";
import { replayTimings } from "./replay-timings";
import { writeYieldingToWeb } from "./web-pressure";
import { errorOutcome, writeReplayOutcomes, type ReplayOutcomeRow } from "./write-replay-outcomes";

type RunRef = { id: string; projectId: string; modelVersionId: string };

/** Where the result of a prepared item belongs. */
export function outcomeTarget(prepared: PreparedItem) {
  return { patternRevisionId: prepared.item.patternRevisionId, patternId: prepared.item.patternId, problemId: prepared.problemId };
}

/** The row of one called item: the output judged by its expectation (null verdict: a person grades it), or the call's error. */
export function outcomeRow(prepared: PreparedItem & { expectation: Expectation }, outcome: FinalOutcome): ReplayOutcomeRow {
  const target = outcomeTarget(prepared);
  const latencyMs = Math.round(outcome.latencyMs);
  if (!outcome.ok) return errorOutcome(target, outcome.reason, latencyMs);
  const judged = judgeOutput(prepared.expectation, outcome.output);
  return { ...target, latencyMs, output: outcome.output, outputHash: hashJson(outcome.output), verdict: judged === "needs_grade" ? null : judged, errorReason: null };
}

/**
 * Collects outcome rows and writes them in chunks of `flushSize` (or every
 * `flushIntervalMs`), one write at a time, while the calls go on (while the
 * web is busy, one at a time per process, with pauses: web-pressure.ts). A write that
 * fails fails the batch (close() throws); a run found cancelled or failed
 * stops the batch (onStopped) and drops what is left.
 */
export function createOutcomeWriter(run: RunRef, { flushSize, flushIntervalMs, onStopped }: { flushSize: number; flushIntervalMs: number; onStopped: () => void }) {
  let pending: ReplayOutcomeRow[] = [];
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  let stopped = false;
  let lastFlush = performance.now();
  const flush = () => {
    const rows = pending;
    pending = [];
    lastFlush = performance.now();
    writing = writing.then(async () => {
      if (stopped || failure !== undefined || rows.length === 0) return;
      const started = performance.now();
      try {
        const status = await writeYieldingToWeb(() => writeReplayOutcomes(run, rows));
        if (status === "cancelled" || status === "failed") {
          stopped = true;
          onStopped();
        }
      } catch (error) {
        failure = error;
        onStopped();
      }
      replayTimings.add("write", performance.now() - started);
    });
  };
  return {
    push(rows: ReplayOutcomeRow[]) {
      pending.push(...rows);
      if (pending.length >= flushSize || performance.now() - lastFlush >= flushIntervalMs) flush();
    },
    async close() {
      flush();
      await writing;
      if (failure !== undefined) throw failure;
    },
  };
}
