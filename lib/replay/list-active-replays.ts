import "server-only";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { replayRunResourceSelect, toReplayRunResource } from "./replay-run-resource";

/** Queued and running replay runs of a project, newest first (the global "Replaying …" indicator). */
export async function listActiveReplays(projectId: string, modelVersionId?: string) {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { id: true } });
  if (!project) throw new NotFoundError("Project");
  const runs = await prisma().replayRun.findMany({
    where: { projectId, status: { in: ["queued", "running"] }, ...(modelVersionId ? { modelVersionId } : {}) },
    select: replayRunResourceSelect,
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const now = new Date();
  return runs.map((run) => toReplayRunResource(run, now));
}
