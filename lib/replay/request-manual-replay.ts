import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { idSchema } from "@/lib/http/id-params";
import { getReplayRun } from "./get-replay-run";
import { requestReplay } from "./request-replay";

export const requestManualReplaySchema = z
  .object({ patternIds: z.array(idSchema).min(1).max(10_000).optional() })
  .strict()
  .default({});
export type RequestManualReplayBody = z.infer<typeof requestManualReplaySchema>;

/** `POST /models/{modelId}/replays`: all current patterns, or the current revisions of `patternIds`. */
export async function requestManualReplay(actor: Actor, modelVersionId: string, body: RequestManualReplayBody) {
  const modelVersion = await prisma().modelVersion.findUnique({ where: { id: modelVersionId }, select: { id: true, projectId: true, connectorKind: true } });
  if (!modelVersion) throw new NotFoundError("Model version");
  const { projectId } = modelVersion;
  const run = await prisma().$transaction(
    async (tx) => {
      let patternRevisionIds: string[] | undefined;
      if (body.patternIds) {
        const patterns = await tx.pattern.findMany({
          where: { projectId, id: { in: body.patternIds }, archivedAt: null },
          select: { id: true, currentRevisionId: true },
        });
        const found = new Set(patterns.map((p) => p.id));
        const missing = body.patternIds.filter((id) => !found.has(id));
        if (missing.length) {
          throw new ValidationError("Some patterns do not exist in this project or are archived.", missing.slice(0, 20).map((id) => ({ path: "patternIds", message: `unknown pattern ${id}` })));
        }
        patternRevisionIds = patterns.flatMap((p) => (p.currentRevisionId ? [p.currentRevisionId] : []));
      }
      const trigger = actor.token ? "api" : "manual";
      const created = await requestReplay(tx, { projectId, modelVersionId, trigger, createdById: actor.user.id, patternRevisionIds });
      await recordAuditEvent(
        actor,
        { action: "replay.request", entityType: "replay_run", entityId: created.id, projectId, data: { modelVersionId, trigger, total: created.total } },
        tx,
      );
      return created;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return getReplayRun(run.id, projectId);
}
