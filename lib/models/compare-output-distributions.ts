import "server-only";
import { measureOutputShift, type OutputShift } from "@/lib/stats/measure-output-shift";
import { readOutputs, type OutputDistributionView } from "./get-output-distribution-view";

export type OutputDistributionComparison = {
  candidate: OutputDistributionView;
  baseline: OutputDistributionView;
  /** How far the candidate's outputs moved from the baseline's on the current pattern set (measureOutputShift). */
  shift: OutputShift;
};

/** The compare page's outputs section: both versions' distributions side by side and the shift between them. Both versions belong to the project (the caller checked). */
export async function compareOutputDistributions(
  project: { id: string; outputKind: "label" | "number" | "text" | "json"; labels: string[] },
  candidateId: string,
  baselineId: string,
): Promise<OutputDistributionComparison> {
  const [candidate, baseline] = await Promise.all([readOutputs(project, candidateId), readOutputs(project, baselineId)]);
  return { candidate: candidate.view, baseline: baseline.view, shift: measureOutputShift(baseline.sample, candidate.sample) };
}
