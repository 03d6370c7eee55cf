import type { PrismaClient } from "@/lib/db/generated/client";

/**
 * Polls a replay run until it leaves queued/running (or `until` says so). The deadline only turns a
 * hang into a clear message: it is generous, since a loaded machine makes every run slower.
 */
export async function waitForRun(db: PrismaClient, runId: string, { timeoutMs = 180_000, until }: { timeoutMs?: number; until?: (run: { status: string; passed: number; failed: number; errored: number; ungraded: number; total: number }) => boolean } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.replayRun.findUniqueOrThrow({ where: { id: runId } });
    if (until ? until(run) : run.status !== "queued" && run.status !== "running") return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms (${JSON.stringify(run)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
