import "server-only";
import { binValues } from "@/lib/stats/bin-values";
import { getOutputDistribution } from "./get-output-distribution";
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
  const sample = await readOutputSample(projectId, modelVersionId, "text");
  return { distribution, lengths: sample.kind === "numeric" ? binValues(sample.values, 20, { integer: true }) : null };
}
