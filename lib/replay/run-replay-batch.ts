import "server-only";
import type { ConnectorItem } from "@/lib/connectors/connector";
import { prisma } from "@/lib/db/prisma";
import { hashJson } from "@/lib/scoring/canonical-json";
import { expectationSchema, type Expectation } from "@/lib/scoring/expectation.schema";
import { judgeOutput } from "@/lib/scoring/judge-output";
import { DEFAULT_RETRY_POLICY, invokeWithRetries, type RetryPolicy } from "./invoke-with-retries";
import { leaseModelSlots } from "./lease-model-slots";
import { loadReplayConnector, type LoadConnector } from "./load-replay-connector";
import type { ReplayBatchPayload } from "./replay-batch.schema";
import { replayTimings } from "./replay-timings";
import { writeReplayOutcomes, type ReplayOutcomeRow } from "./write-replay-outcomes";

export type RunReplayBatchOptions = {
  loadConnector?: LoadConnector;
  retryPolicy?: RetryPolicy;
  /** Results are written at least this often while a batch runs (progress for slow models). */
  flushIntervalMs?: number;
  /** Results are written in transactions of at most this many items. */
  flushSize?: number;
};

type Prepared = { item: ConnectorItem; expectation: Expectation; problemId: string };

/** Held slots are topped up at most this often while calls remain (other batches may have freed some). */
const GROW_INTERVAL_MS = 100;

/**
 * Replays one batch: calls the model version for the batch's unfinished
 * revisions in chunks of the connector's maxBatchSize, with as many calls in
 * flight as it holds slots of the model's concurrency, judges each output and
 * writes results in chunks while the calls go on (one write in flight). Safe
 * to run again: finished items are skipped and writes are idempotent.
 */
export async function runReplayBatch(payload: ReplayBatchPayload, options: RunReplayBatchOptions = {}): Promise<void> {
  const db = prisma();
  const { runId, projectId, modelVersionId } = payload;
  const prepareStarted = performance.now();
  const run = await db.replayRun.findFirst({ where: { id: runId, projectId, modelVersionId }, select: { id: true, status: true } });
  if (!run || (run.status !== "queued" && run.status !== "running")) return;
  const runRef = { id: runId, projectId, modelVersionId };
  if (run.status === "queued") {
    await db.replayRun.updateMany({ where: { id: runId, projectId, status: "queued" }, data: { status: "running", startedAt: new Date() } });
  }

  const unfinished = await db.replayRunItem.findMany({
    where: { runId, projectId, patternRevisionId: { in: payload.patternRevisionIds }, finishedAt: null },
    select: { patternRevisionId: true },
  });
  if (unfinished.length === 0) return;
  const [revisions, modelVersion] = await Promise.all([
    db.patternRevision.findMany({
      where: { projectId, id: { in: unfinished.map((u) => u.patternRevisionId) } },
      select: {
        id: true,
        patternId: true,
        inputKind: true,
        input: true,
        expectation: true,
        attachment: { select: { contentType: true, data: true } },
        pattern: { select: { problemId: true } },
      },
      orderBy: { id: "asc" },
    }),
    db.modelVersion.findFirstOrThrow({
      where: { id: modelVersionId, projectId },
      select: { timeoutMs: true, concurrency: true, project: { select: { outputKind: true, labels: true } } },
    }),
  ]);

  const invalid: ReplayOutcomeRow[] = [];
  const prepared: Prepared[] = [];
  for (const revision of revisions) {
    const parsed = expectationSchema.safeParse(revision.expectation);
    const base = { patternRevisionId: revision.id, patternId: revision.patternId, problemId: revision.pattern.problemId };
    if (!parsed.success) {
      invalid.push({ ...base, output: null, outputHash: null, verdict: "error", errorReason: "the revision's expectation is invalid", latencyMs: null });
      continue;
    }
    prepared.push({
      problemId: revision.pattern.problemId,
      expectation: parsed.data,
      item: {
        patternRevisionId: revision.id,
        patternId: revision.patternId,
        inputKind: revision.inputKind,
        input: revision.input,
        expectationKind: parsed.data.kind,
        ...(revision.attachment ? { image: { contentType: revision.attachment.contentType, data: revision.attachment.data } } : {}),
      },
    });
  }
  await writeReplayOutcomes(runRef, invalid);

  let connector;
  try {
    connector = await (options.loadConnector ?? loadReplayConnector)({ id: modelVersionId, projectId });
  } catch (error) {
    const reason = `the connector could not be set up: ${error instanceof Error ? error.message : String(error)}`;
    await writeReplayOutcomes(
      runRef,
      prepared.map((p) => ({ patternRevisionId: p.item.patternRevisionId, patternId: p.item.patternId, problemId: p.problemId, output: null, outputHash: null, verdict: "error", errorReason: reason, latencyMs: null })),
    );
    return;
  }
  replayTimings.add("prepare", performance.now() - prepareStarted);

  const chunkSize = Math.max(1, connector.maxBatchSize);
  const chunks: Prepared[][] = [];
  for (let start = 0; start < prepared.length; start += chunkSize) chunks.push(prepared.slice(start, start + chunkSize));
  if (chunks.length === 0) return;

  const abort = new AbortController();
  const context = { timeoutMs: modelVersion.timeoutMs, signal: abort.signal, project: modelVersion.project };
  const writer = createOutcomeWriter(runRef, { flushSize: options.flushSize ?? 200, flushIntervalMs: options.flushIntervalMs ?? 1_000, onStopped: () => abort.abort() });
  const lease = await leaseModelSlots(modelVersionId, modelVersion.concurrency, chunks.length, { onWait: (ms) => replayTimings.add("slotWait", ms) });
  let failure: unknown;
  try {
    // The run may have been cancelled while this batch waited for a slot.
    if (await isStopped(runId, projectId)) return;
    let next = 0;
    let lastGrow = performance.now();
    const runners = new Set<Promise<void>>();

    // One runner per held slot: it calls the model for the next chunk until none is left, then gives its slot back.
    const runChunks = async () => {
      while (next < chunks.length && !abort.signal.aborted) {
        const chunk = chunks[next++]!;
        const callStarted = performance.now();
        const outcomes = await invokeWithRetries(connector, chunk.map((p) => p.item), context, options.retryPolicy ?? DEFAULT_RETRY_POLICY);
        replayTimings.add("call", performance.now() - callStarted);
        if (abort.signal.aborted) break;
        writer.push(
          outcomes.map((outcome, index): ReplayOutcomeRow => {
            const { item, expectation, problemId } = chunk[index]!;
            const base = { patternRevisionId: item.patternRevisionId, patternId: item.patternId, problemId, latencyMs: Math.round(outcome.latencyMs) };
            if (!outcome.ok) return { ...base, output: null, outputHash: null, verdict: "error", errorReason: outcome.reason };
            const judged = judgeOutput(expectation, outcome.output);
            return { ...base, output: outcome.output, outputHash: hashJson(outcome.output), verdict: judged === "needs_grade" ? null : judged, errorReason: null };
          }),
        );
        if (chunks.length - next > lease.held && performance.now() - lastGrow >= GROW_INTERVAL_MS) {
          lastGrow = performance.now();
          const more = await lease.grow(Math.min(chunks.length - next, modelVersion.concurrency) - lease.held);
          for (let i = 0; i < more; i++) startRunner();
        }
      }
      await lease.releaseOne();
    };
    const startRunner = () => {
      const runner = runChunks().catch((error: unknown) => {
        failure ??= error;
        abort.abort();
      });
      runners.add(runner);
      void runner.finally(() => runners.delete(runner));
    };
    const initial = lease.held;
    for (let i = 0; i < initial; i++) startRunner();
    // Every runner settles before the slots go back: no call outlives its slot.
    while (runners.size > 0) await Promise.all([...runners]);
  } finally {
    await lease.release();
  }
  if (failure !== undefined) {
    await writer.close().catch(() => {});
    throw failure;
  }
  await writer.close();
}

/**
 * Collects outcomes and writes them in chunks of `flushSize` (or every
 * `flushIntervalMs`), one write at a time, while the calls go on. A write that
 * fails fails the batch (close() throws); a run found cancelled or failed
 * stops the batch (onStopped) and drops what is left.
 */
function createOutcomeWriter(
  run: { id: string; projectId: string; modelVersionId: string },
  { flushSize, flushIntervalMs, onStopped }: { flushSize: number; flushIntervalMs: number; onStopped: () => void },
) {
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
        const status = await writeReplayOutcomes(run, rows);
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

async function isStopped(runId: string, projectId: string): Promise<boolean> {
  const run = await prisma().replayRun.findFirst({ where: { id: runId, projectId }, select: { status: true } });
  return !run || run.status === "cancelled" || run.status === "failed";
}
