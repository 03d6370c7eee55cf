import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { connectorKind } from "@/lib/connectors/connector-kinds";
import { requestReplay } from "./request-replay";

export type RequestBackfillInput = {
  projectId: string;
  patternRevisionIds: readonly string[];
  trigger: "patterns_changed";
  createdById?: string | null;
};

/**
 * Replays new or edited pattern revisions on every model version of the
 * project that can still be called (not `predictions`: those show "no result"
 * for the revision, never a guess). One run per model version; call it inside
 * the transaction that created the revisions.
 */
export async function requestBackfill(tx: Prisma.TransactionClient, input: RequestBackfillInput) {
  if (input.patternRevisionIds.length === 0) return [];
  const modelVersions = await tx.modelVersion.findMany({
    where: { projectId: input.projectId },
    select: { id: true, connectorKind: true },
    orderBy: { createdAt: "asc" },
  });
  const runs = [];
  for (const modelVersion of modelVersions.filter((m) => connectorKind(m.connectorKind).callable)) {
    runs.push(
      await requestReplay(tx, {
        projectId: input.projectId,
        modelVersionId: modelVersion.id,
        trigger: input.trigger,
        createdById: input.createdById,
        patternRevisionIds: input.patternRevisionIds,
      }),
    );
  }
  return runs;
}
