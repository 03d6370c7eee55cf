import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { slugConflict } from "./create-project";
import { conflictMessage, findLastEditor } from "./find-last-editor";
import { LABELS_REQUIRED, type ProjectResource, type UpdateProject } from "./project.schema";
import { projectResourceSelect, toProjectResource } from "./project-resource";

type Changes = Record<string, { from: unknown; to: unknown }>;

/** Edits a project if nobody changed it since `lockVersion`; records what changed. */
export async function updateProject(actor: Actor, projectId: string, input: UpdateProject): Promise<ProjectResource> {
  const { lockVersion, ...fields } = input;
  try {
    return await prisma().$transaction(async (tx) => {
      const before = await tx.project.findUnique({ where: { id: projectId }, select: projectResourceSelect });
      if (!before) throw new NotFoundError("Project");
      const current = toProjectResource(before);
      // Checked only when the edit touches them, so a project that predates the rule can still change its gate policy.
      if ((fields.outputKind !== undefined || fields.labels !== undefined) && (fields.outputKind ?? current.outputKind) === "label" && (fields.labels ?? current.labels).length === 0) {
        throw new ValidationError("A label project needs its labels.", [{ path: "body.labels", message: LABELS_REQUIRED }]);
      }

      const changes: Changes = {};
      for (const [field, to] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
        if (to === undefined) continue;
        const from = current[field];
        if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
      }

      const updated = await tx.project.updateMany({
        where: { id: projectId, lockVersion },
        data: {
          ...(fields.name !== undefined ? { name: fields.name } : {}),
          ...(fields.slug !== undefined ? { slug: fields.slug } : {}),
          ...(fields.outputKind !== undefined ? { outputKind: fields.outputKind } : {}),
          ...(fields.description !== undefined ? { description: fields.description } : {}),
          ...(fields.keyPrefix !== undefined ? { keyPrefix: fields.keyPrefix } : {}),
          ...(fields.labels !== undefined ? { labels: fields.labels } : {}),
          ...(fields.inputSchema !== undefined
            ? { inputSchema: fields.inputSchema === null ? Prisma.DbNull : (fields.inputSchema as Prisma.InputJsonObject) }
            : {}),
          ...(fields.gatePolicy !== undefined ? { gatePolicy: fields.gatePolicy } : {}),
          ...(fields.alpha !== undefined ? { alpha: fields.alpha } : {}),
          ...(fields.driftThreshold !== undefined ? { driftThreshold: fields.driftThreshold } : {}),
          ...(fields.maxModelAgeDays !== undefined ? { maxModelAgeDays: fields.maxModelAgeDays } : {}),
          lockVersion: { increment: 1 },
        },
      });
      if (updated.count !== 1) {
        const fresh = await tx.project.findUnique({ where: { id: projectId }, select: projectResourceSelect });
        if (!fresh) throw new NotFoundError("Project");
        throw new ConflictError(conflictMessage(await findLastEditor(tx, "project", projectId)), toProjectResource(fresh));
      }
      if (Object.keys(changes).length) {
        await recordAuditEvent(actor, { action: "project.update", entityType: "project", entityId: projectId, projectId, data: { changes } as Prisma.InputJsonObject }, tx);
      }
      const after = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: projectResourceSelect });
      return toProjectResource(after);
    });
  } catch (error) {
    throw (fields.slug && slugConflict(error, fields.slug)) || error;
  }
}
