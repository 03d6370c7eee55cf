import "server-only";
import { binValues } from "@/lib/stats/bin-values";
import type { OutputSample } from "@/lib/stats/measure-output-shift";
import { countLabels, getOutputDistribution, labelDistribution, labelSample } from "./get-output-distribution";
import { distributionKindOf } from "./output-key-sql";
import type { OutputDistribution } from "./output-distribution.schema";
import { readOutputSample } from "./read-output-sample";

export type OutputDistributionView = {
  distribution: OutputDistribution;
  /** Text projects: a histogram of output lengths in characters (the second view); null otherwise. */
  lengths: { value: number; count: number }[] | null;
};

/** What the model version page draws of a version's outputs: the API's distribution, and for text the lengths too. */
export async function getOutputDistributionView(projectId: string, modelVersionId: string): Promise<OutputDistributionView> {
  const distribution = await getOutputDistribution(modelVersionId);
  if (distribution.kind !== "text") return { distribution, lengths: null };
  return { distribution, lengths: textLengths(await readOutputSample(projectId, modelVersionId, "text")) };
}

/** A text project's output lengths (its sample) as the view's second histogram. */
function textLengths(sample: OutputSample): OutputDistributionView["lengths"] {
  return sample.kind === "numeric" ? binValues(sample.values, 20, { integer: true }) : null;
}

/**
 * A version's outputs as the compare page draws them and as a shift measures
 * them, each aggregate read once: a label project's counts serve both; text
 * lengths are the view's second histogram and the shift's sample.
 */
export async function readOutputs(
  project: { id: string; outputKind: "label" | "number" | "text" | "json"; labels: string[] },
  modelVersionId: string,
): Promise<{ view: OutputDistributionView; sample: OutputSample }> {
  const kind = distributionKindOf(project.outputKind);
  if (kind === "label") {
    const counts = await countLabels(project.id, modelVersionId, project.labels);
    return { view: { distribution: labelDistribution(counts, project.labels), lengths: null }, sample: labelSample(counts) };
  }
  const [distribution, sample] = await Promise.all([getOutputDistribution(modelVersionId), readOutputSample(project.id, modelVersionId, kind)]);
  return { view: { distribution, lengths: kind === "text" ? textLengths(sample) : null }, sample };
}
