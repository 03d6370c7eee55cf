import "server-only";
import { setMaxListeners } from "node:events";
import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/log/logger.mjs";
import { JobInterruptedError } from "@/lib/jobs/job-definition";
import { DEFAULT_RETRY_POLICY, invokeWithRetries, type RetryPolicy } from "./invoke-with-retries";
import { modelSlotPool } from "./model-slot-pool";
import { prepareReplayBatch } from "./prepare-replay-batch";
import type { ReplayBatchPayload } from "./replay-batch.schema";
import { createOutcomeWriter, outcomeRow, outcomeTarget } from "./replay-outcome-writer";
import { replayTimings } from "./replay-timings";
import { errorOutcome, writeReplayOutcomes } from "./write-replay-outcomes";

export type RunReplayBatchOptions = {
  retryPolicy?: RetryPolicy;
  /** Results are written at least this often while a batch runs (progress for slow models). */
  flushIntervalMs?: number;
  /** Results are written in transactions of at most this many items. */
  flushSize?: number;
  /** The worker is stopping: calls in flight are abandoned, outcomes already received are written, slots go back, JobInterruptedError. */
  signal?: AbortSignal;
};

const INVALID_EXPECTATION = "the revision's expectation is invalid";

/**
 * Replays one batch: prepares its unfinished revisions (prepareReplayBatch),
 * records those that cannot be called, then calls the model version in
 * chunks of the connector's batch size with as many calls in flight as it
 * holds slots of the model's concurrency, judging each output and writing
 * results while the calls go on (createOutcomeWriter). Safe to run again:
 * finished items are skipped and writes are idempotent.
 */
export async function runReplayBatch(payload: ReplayBatchPayload, options: RunReplayBatchOptions = {}): Promise<void> {
  const prepareStarted = performance.now();
  const batch = await prepareReplayBatch(payload);
  if (!batch) return;
  const { run, callable, invalid, connection } = batch;
  await writeReplayOutcomes(run, invalid.map((p) => errorOutcome(outcomeTarget(p), INVALID_EXPECTATION)));
  if (!connection.connector) {
    await writeReplayOutcomes(run, callable.map((p) => errorOutcome(outcomeTarget(p), `the connector could not be set up: ${connection.setupError}`)));
    return;
  }
  replayTimings.add("prepare", performance.now() - prepareStarted);
  if (callable.length === 0) return;

  const { connector, modelVersion, project } = connection;
  // The batch size is the kind table's (connectorBatchSize), carried by the connector.
  const chunks: (typeof callable)[] = [];
  for (let start = 0; start < callable.length; start += connector.maxBatchSize) chunks.push(callable.slice(start, start + connector.maxBatchSize));

  const abort = new AbortController();
  // Every call in flight listens on it (and a retry's wait): up to twice the model's concurrency, not Node's default 10.
  setMaxListeners(2 * Math.max(1, modelVersion.concurrency) + 10, abort.signal);
  const interrupt = () => abort.abort();
  options.signal?.addEventListener("abort", interrupt, { once: true });
  const context = { timeoutMs: modelVersion.timeoutMs, signal: abort.signal, project, recordExchanges: false };
  const writer = createOutcomeWriter(run, { flushSize: options.flushSize ?? 200, flushIntervalMs: options.flushIntervalMs ?? 1_000, onStopped: () => abort.abort() });
  const slots = modelSlotPool(modelVersion.id);
  const waitStarted = performance.now();
  let firstSlot: Promise<boolean> | undefined;
  let failure: unknown;
  let written = 0;
  let next = 0;

  // One runner per slot the batch gets (at most the model's concurrency): it holds its slot for the batch's life,
  // calling the model for the next chunk until none is left, then hands the slot on (to the next batch of this process, or back).
  const runChunks = async () => {
    let slot: number;
    try {
      slot = await slots.acquire(modelVersion.concurrency, abort.signal);
    } catch (error) {
      if (abort.signal.aborted) return;
      throw error;
    }
    try {
      // The run may have been cancelled while this batch waited for its slots.
      firstSlot ??= (replayTimings.add("slotWait", performance.now() - waitStarted), isStopped(run.id, run.projectId));
      if (await firstSlot) return abort.abort();
      while (next < chunks.length && !abort.signal.aborted) {
        const chunk = chunks[next++]!;
        const callStarted = performance.now();
        const outcomes = await invokeWithRetries(connector, chunk.map((p) => p.item), context, options.retryPolicy ?? DEFAULT_RETRY_POLICY);
        replayTimings.add("call", performance.now() - callStarted);
        if (abort.signal.aborted) break;
        writer.push(outcomes.map((outcome, index) => outcomeRow(chunk[index]!, outcome)));
        written++;
      }
    } finally {
      slots.release(slot);
    }
  };
  try {
    // Every runner settles before the batch ends: no call outlives its slot.
    const runners = Array.from({ length: Math.min(chunks.length, Math.max(1, modelVersion.concurrency)) }, () =>
      runChunks().catch((error: unknown) => {
        failure ??= error;
        abort.abort();
      }),
    );
    await Promise.all(runners);
  } finally {
    options.signal?.removeEventListener("abort", interrupt);
    // Slots nobody here waits for are free in the database before the last write can complete the run.
    await slots.settled();
  }
  if (failure !== undefined) {
    await writer.close().catch(() => {});
    throw failure;
  }
  if (options.signal?.aborted && firstSlot === undefined) {
    await writer.close().catch(() => {});
    throw new JobInterruptedError();
  }
  // What was received is written even when stopping; the rest is the next attempt's (finished items are skipped).
  await writer.close();
  logger().debug({ runId: run.id, modelVersionId: run.modelVersionId, items: callable.length, ms: Math.round(performance.now() - prepareStarted) }, "replay batch done");
  if (options.signal?.aborted && written < chunks.length) throw new JobInterruptedError();
}

async function isStopped(runId: string, projectId: string): Promise<boolean> {
  const run = await prisma().replayRun.findFirst({ where: { id: runId, projectId }, select: { status: true } });
  return !run || run.status === "cancelled" || run.status === "failed";
}
