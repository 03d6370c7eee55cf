import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { replayRunViewSelect } from "./replay-run-view-select";
import { toReplayRunView, type ReplayRunView } from "./replay-run-view";

/** One replay run with its progress; `projectId` scopes the lookup when the caller knows it. */
export async function getReplayRun(runId: string, projectId?: string): Promise<ReplayRunView> {
  const run = await prisma().replayRun.findFirst({ where: { id: runId, ...(projectId ? { projectId } : {}) }, select: replayRunViewSelect });
  if (!run) throw new NotFoundError("Replay run");
  return toReplayRunView(run);
}
