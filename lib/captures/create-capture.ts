import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors/domain-errors";
import type { CaptureResource, CreateCapture } from "./capture.schema";
import { toCaptureResource } from "./capture-resource";

/** Parks a production input (and output) in the project's triage inbox. */
export async function createCapture(actor: Actor, projectId: string, input: CreateCapture): Promise<CaptureResource> {
  return prisma().$transaction(async (tx) => {
    const project = await tx.project.findUnique({ where: { id: projectId }, select: { id: true } });
    if (!project) throw new NotFoundError("Project");
    const capture = await tx.capture.create({
      data: {
        projectId,
        input: input.input as Prisma.InputJsonValue,
        output: input.output === undefined || input.output === null ? Prisma.DbNull : (input.output as Prisma.InputJsonValue),
        metadata: input.metadata === undefined ? Prisma.DbNull : (input.metadata as Prisma.InputJsonObject),
        rating: input.rating ?? null,
        note: input.note ?? null,
        createdById: actor.user.id,
      },
    });
    await recordAuditEvent(actor, { action: "capture.create", entityType: "capture", entityId: capture.id, projectId }, tx);
    return toCaptureResource(capture);
  });
}
