type BaselineCandidate = { id: string; status: string };

export type Baseline<V> = { modelVersion: V; reason: "production" | "previous" };

/**
 * The version a candidate is compared with by default (DESIGN.md, compare):
 * the project's latest production version other than the candidate, else the
 * version registered just before it. `modelVersions` is in registration order.
 * null when there is nothing to compare with (the first version, alone).
 */
export function chooseBaseline<V extends BaselineCandidate>(modelVersions: V[], candidateId: string): Baseline<V> | null {
  const production = modelVersions.filter((v) => v.status === "production" && v.id !== candidateId).at(-1);
  if (production) return { modelVersion: production, reason: "production" };
  const index = modelVersions.findIndex((v) => v.id === candidateId);
  const previous = index > 0 ? modelVersions[index - 1] : undefined;
  return previous ? { modelVersion: previous, reason: "previous" } : null;
}
