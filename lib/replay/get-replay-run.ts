import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { replayRunResourceSelect, toReplayRunResource, type ReplayRunResource } from "./replay-run-resource";

/** One replay run with its progress; `projectId` scopes the lookup when the caller knows it. */
export async function getReplayRun(runId: string, projectId?: string): Promise<ReplayRunResource> {
  const run = await prisma().replayRun.findFirst({ where: { id: runId, ...(projectId ? { projectId } : {}) }, select: replayRunResourceSelect });
  if (!run) throw new NotFoundError("Replay run");
  return toReplayRunResource(run);
}
