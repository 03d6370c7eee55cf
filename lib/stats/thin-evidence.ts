/** Below this many graded patterns a rate is "thin evidence": its interval is too wide to act on. */
export const THIN_EVIDENCE_N = 10;

/** A rate exists (n > 0) but rests on fewer than THIN_EVIDENCE_N graded patterns. */
export function isThinEvidence(n: number): boolean {
  return n > 0 && n < THIN_EVIDENCE_N;
}
