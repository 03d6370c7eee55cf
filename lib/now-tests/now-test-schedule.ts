import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { assertProjectExists } from "@/lib/projects/assert-project-exists";
import { DEFAULT_NOW_TEST_CRON, nextCronRuns, type NowTestScheduleBody } from "./now-test-schedule.schema";

export type NowTestScheduleResource = { projectId: string; cron: string; enabled: boolean; nextRunAt: Date | null; lastRunAt: Date | null };

/** The project's now-test schedule; a project that never saved one has the default, off. */
export async function getNowTestSchedule(projectId: string): Promise<NowTestScheduleResource> {
  await assertProjectExists(projectId);
  const row = await prisma().nowTestSchedule.findUnique({ where: { projectId }, select: { projectId: true, cron: true, enabled: true, nextRunAt: true, lastRunAt: true } });
  return row ?? { projectId, cron: DEFAULT_NOW_TEST_CRON, enabled: false, nextRunAt: null, lastRunAt: null };
}

/** Saves the schedule; its next run is computed now (none while off). */
export async function saveNowTestSchedule(actor: Actor, projectId: string, body: NowTestScheduleBody): Promise<NowTestScheduleResource> {
  await assertProjectExists(projectId);
  const nextRunAt = body.enabled ? nextCronRuns(body.cron, new Date())[0]! : null;
  return prisma().$transaction(async (tx) => {
    const row = await tx.nowTestSchedule.upsert({
      where: { projectId },
      create: { projectId, cron: body.cron, enabled: body.enabled, nextRunAt },
      update: { cron: body.cron, enabled: body.enabled, nextRunAt },
      select: { projectId: true, cron: true, enabled: true, nextRunAt: true, lastRunAt: true },
    });
    await recordAuditEvent(actor, { action: "now_test_schedule.update", entityType: "project", entityId: projectId, projectId, data: { cron: body.cron, enabled: body.enabled } }, tx);
    return row;
  });
}
