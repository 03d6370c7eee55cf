import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import type { CaptureResource } from "./capture.schema";
import { claimInboxCapture } from "./claim-inbox-capture";
import { toCaptureResource } from "./capture-resource";

/** Takes a capture out of the inbox without making a pattern of it (kept, with who dismissed it). */
export async function dismissCapture(actor: Actor, captureId: string): Promise<CaptureResource> {
  return prisma().$transaction(async (tx) => {
    const capture = await claimInboxCapture(tx, captureId, { status: "dismissed", triagedById: actor.user.id });
    await recordAuditEvent(actor, { action: "capture.dismiss", entityType: "capture", entityId: captureId, projectId: capture.projectId }, tx);
    return toCaptureResource(capture);
  });
}
