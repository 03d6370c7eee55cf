import "server-only";
import { listCaptureDrift } from "./list-capture-drift";

export type CaptureDriftEvaluation = {
  projectId: string;
  /** True when the week's shift is above the project's threshold (never when the threshold is off or there is no shift). */
  overThreshold: boolean;
  /** JS distance (labels) or KS (numbers, text lengths) of the week's captured outputs from the production version's; null: not measurable. */
  shift: number | null;
  threshold: number | null;
  statistic: "jensen_shannon" | "ks";
  /** Monday (UTC) of the week judged, YYYY-MM-DD: the latest week with enough captured outputs (else the current week). Alert once per (project, week). */
  week: string;
  outputs: number;
  productionModelVersionId: string | null;
};

/**
 * Whether a project's captured outputs drifted past its threshold: the latest
 * week with a measurable shift (at least MIN_DRIFT_OUTPUTS outputs and a
 * production version) against the project's driftThreshold. For the alert
 * sender (event `captures.drift`); it decides nothing about sending twice.
 */
export async function evaluateCaptureDrift(projectId: string, now: Date = new Date()): Promise<CaptureDriftEvaluation> {
  const drift = await listCaptureDrift(projectId, now);
  const judged = drift.weeks.findLast((week) => week.shift !== null) ?? drift.weeks.at(-1)!;
  return {
    projectId,
    overThreshold: drift.threshold !== null && judged.shift !== null && judged.shift > drift.threshold,
    shift: judged.shift,
    threshold: drift.threshold,
    statistic: drift.statistic,
    week: judged.week,
    outputs: judged.outputs,
    productionModelVersionId: drift.productionVersion?.id ?? null,
  };
}
