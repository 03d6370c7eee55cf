/** How far a version's evidence on a problem is: the counts a sign-off must wait for. */
export type Readiness = { pending: number; missing: number; ungraded: number; judged: number };

/** Why the version's evidence on a problem is not ready to be signed off, or null when it is. */
export function describeIncomplete({ pending, missing, ungraded, judged }: Readiness): string | null {
  const reasons: string[] = [];
  if (pending) reasons.push(`${pending} ${pending === 1 ? "pattern is" : "patterns are"} still being replayed`);
  if (missing) reasons.push(`${missing} ${missing === 1 ? "pattern has" : "patterns have"} no result for this version`);
  if (ungraded) reasons.push(`${ungraded} ${ungraded === 1 ? "output awaits" : "outputs await"} a human grade`);
  if (reasons.length) return `the replay is incomplete (${reasons.join(", ")})`;
  if (!judged) return "no pattern has a pass or fail result to sign off on";
  return null;
}
