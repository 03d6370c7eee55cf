import "server-only";
import { measureOutputShift, type OutputShift } from "@/lib/stats/measure-output-shift";
import { getOutputDistributionView, type OutputDistributionView } from "./get-output-distribution-view";
import { distributionKindOf } from "./output-key-sql";
import { readOutputSample } from "./read-output-sample";

export type OutputDistributionComparison = {
  candidate: OutputDistributionView;
  baseline: OutputDistributionView;
  /** How far the candidate's outputs moved from the baseline's on the current pattern set (measureOutputShift). */
  shift: OutputShift;
};

/** The compare page's outputs section: both versions' distributions side by side and the shift between them. Both versions belong to the project (the caller checked). */
export async function compareOutputDistributions(
  project: { id: string; outputKind: "label" | "number" | "text" | "json" },
  candidateId: string,
  baselineId: string,
): Promise<OutputDistributionComparison> {
  const kind = distributionKindOf(project.outputKind);
  const [candidate, baseline, candidateSample, baselineSample] = await Promise.all([
    getOutputDistributionView(project.id, candidateId),
    getOutputDistributionView(project.id, baselineId),
    readOutputSample(project.id, candidateId, kind),
    readOutputSample(project.id, baselineId, kind),
  ]);
  return { candidate, baseline, shift: measureOutputShift(baselineSample, candidateSample) };
}
