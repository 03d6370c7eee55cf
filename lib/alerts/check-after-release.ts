import "server-only";
import { evaluateCaptureDrift } from "@/lib/captures/evaluate-capture-drift";
import { prisma } from "@/lib/db/prisma";
import { evaluateModelAge } from "@/lib/models/evaluate-model-age";
import { emitProjectEvent } from "./emit-project-event";

/**
 * The after-release checks that no write triggers, only time: capture drift
 * over the project's threshold (`captures.drift`, once per project and week)
 * and a production model older than the project's limit (`model.too_old`, once
 * per version and limit). Run by a worker sweep; the dedupe keys make every
 * run after the first a no-op, across any number of workers.
 */
export async function checkAfterRelease(now: Date = new Date()): Promise<{ fired: number }> {
  const projects = await prisma().project.findMany({
    where: { OR: [{ driftThreshold: { not: null } }, { maxModelAgeDays: { not: null } }] },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let fired = 0;
  for (const { id: projectId } of projects) {
    const [drift, age] = await Promise.all([evaluateCaptureDrift(projectId, now), evaluateModelAge(projectId, now)]);
    if (drift.overThreshold && drift.shift !== null) {
      const emitted = await emitProjectEvent(prisma(), {
        projectId,
        event: "captures.drift",
        dedupeKey: `week:${drift.week}`,
        payload: {
          summary: `Production captures of the week of ${drift.week} shifted ${drift.shift.toFixed(2)} from the production version's outputs (threshold ${drift.threshold}).`,
          week: drift.week,
          shift: drift.shift,
          threshold: drift.threshold,
          statistic: drift.statistic,
          outputs: drift.outputs,
          productionModelVersionId: drift.productionModelVersionId,
        },
      });
      if (emitted.eventId) fired++;
    }
    if (age.tooOld && age.modelVersionId) {
      const emitted = await emitProjectEvent(prisma(), {
        projectId,
        event: "model.too_old",
        dedupeKey: `${age.modelVersionId}:${age.limitDays}`,
        payload: {
          summary: `The production model is ${age.ageDays} days old (${age.since}), over the project's limit of ${age.limitDays} days.`,
          modelVersionId: age.modelVersionId,
          ageDays: age.ageDays,
          limitDays: age.limitDays,
          since: age.since,
        },
      });
      if (emitted.eventId) fired++;
    }
  }
  return { fired };
}
