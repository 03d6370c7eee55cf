import "server-only";
import type { ConnectorItem } from "@/lib/connectors/connector";
import { prisma } from "@/lib/db/prisma";
import { hashJson } from "@/lib/scoring/canonical-json";
import { expectationSchema, type Expectation } from "@/lib/scoring/expectation.schema";
import { judgeOutput } from "@/lib/scoring/judge-output";
import { DEFAULT_RETRY_POLICY, invokeWithRetries, type RetryPolicy } from "./invoke-with-retries";
import { loadReplayConnector, type LoadConnector } from "./load-replay-connector";
import type { ReplayBatchPayload } from "./replay-batch.schema";
import { withModelSlot } from "./with-model-slot";
import { writeReplayOutcomes, type ReplayOutcomeRow } from "./write-replay-outcomes";

export type RunReplayBatchOptions = {
  loadConnector?: LoadConnector;
  retryPolicy?: RetryPolicy;
  /** Results are written at least this often while a batch runs (progress for slow models). */
  flushIntervalMs?: number;
};

type Prepared = { item: ConnectorItem; expectation: Expectation; problemId: string };

/**
 * Replays one batch: calls the model version for the batch's unfinished
 * revisions (chunks of the connector's maxBatchSize, one call in flight: the
 * queue's per-model group limit is the model's concurrency), judges each
 * output and writes results as it goes. Safe to run again: finished items are skipped.
 */
export async function runReplayBatch(payload: ReplayBatchPayload, options: RunReplayBatchOptions = {}): Promise<void> {
  const db = prisma();
  const { runId, projectId, modelVersionId } = payload;
  const run = await db.replayRun.findFirst({ where: { id: runId, projectId, modelVersionId }, select: { id: true, status: true } });
  if (!run || (run.status !== "queued" && run.status !== "running")) return;
  const runRef = { id: runId, projectId, modelVersionId };
  await db.replayRun.updateMany({ where: { id: runId, projectId, status: "queued" }, data: { status: "running", startedAt: new Date() } });

  const unfinished = await db.replayRunItem.findMany({
    where: { runId, projectId, patternRevisionId: { in: payload.patternRevisionIds }, finishedAt: null },
    select: { patternRevisionId: true },
  });
  if (unfinished.length === 0) return;
  const revisions = await db.patternRevision.findMany({
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
  });
  const modelVersion = await db.modelVersion.findFirstOrThrow({
    where: { id: modelVersionId, projectId },
    select: { timeoutMs: true, concurrency: true, project: { select: { outputKind: true, labels: true } } },
  });

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

  const errorAll = (reason: string, items: Prepared[]) =>
    writeReplayOutcomes(
      runRef,
      items.map((p) => ({ patternRevisionId: p.item.patternRevisionId, patternId: p.item.patternId, problemId: p.problemId, output: null, outputHash: null, verdict: "error" as const, errorReason: reason, latencyMs: null })),
    );

  let connector;
  try {
    connector = await (options.loadConnector ?? loadReplayConnector)({ id: modelVersionId, projectId });
  } catch (error) {
    await errorAll(`the connector could not be set up: ${error instanceof Error ? error.message : String(error)}`, prepared);
    return;
  }

  const abort = new AbortController();
  const context = { timeoutMs: modelVersion.timeoutMs, signal: abort.signal, project: modelVersion.project };
  const chunkSize = Math.max(1, connector.maxBatchSize);
  const flushIntervalMs = options.flushIntervalMs ?? 1_000;
  await withModelSlot(modelVersionId, modelVersion.concurrency, async () => {
    // The run may have been cancelled while this batch waited for a slot.
    if (await isStopped(runId, projectId)) return;
    let pending: ReplayOutcomeRow[] = [];
    let lastFlush = performance.now();

    for (let start = 0; start < prepared.length; start += chunkSize) {
      const chunk = prepared.slice(start, start + chunkSize);
      const outcomes = await invokeWithRetries(connector, chunk.map((p) => p.item), context, options.retryPolicy ?? DEFAULT_RETRY_POLICY);
      outcomes.forEach((outcome, index) => {
        const { item, expectation, problemId } = chunk[index]!;
        const base = { patternRevisionId: item.patternRevisionId, patternId: item.patternId, problemId, latencyMs: Math.round(outcome.latencyMs) };
        if (!outcome.ok) {
          pending.push({ ...base, output: null, outputHash: null, verdict: "error", errorReason: outcome.reason });
          return;
        }
        const judged = judgeOutput(expectation, outcome.output);
        pending.push({ ...base, output: outcome.output, outputHash: hashJson(outcome.output), verdict: judged === "needs_grade" ? null : judged, errorReason: null });
      });
      const last = start + chunkSize >= prepared.length;
      if (last || pending.length >= 64 || performance.now() - lastFlush >= flushIntervalMs) {
        await writeReplayOutcomes(runRef, pending);
        pending = [];
        lastFlush = performance.now();
        if (!last && (await isStopped(runId, projectId))) return;
      }
    }
  });
}

async function isStopped(runId: string, projectId: string): Promise<boolean> {
  const run = await prisma().replayRun.findFirst({ where: { id: runId, projectId }, select: { status: true } });
  return !run || run.status === "cancelled" || run.status === "failed";
}
