import type { EvidenceItem } from "./signoff-evidence";

export type EvidenceChanges = { added: number; edited: number; archived: number; verdictsChanged: number };

/** What changed between the evidence a sign-off froze and today's: patterns added, edited, archived; verdicts changed. */
export function diffEvidence(frozen: readonly EvidenceItem[], current: readonly EvidenceItem[]): EvidenceChanges {
  const before = new Map(frozen.map((item) => [item.patternId, item]));
  const changes: EvidenceChanges = { added: 0, edited: 0, archived: 0, verdictsChanged: 0 };
  for (const item of current) {
    const old = before.get(item.patternId);
    before.delete(item.patternId);
    if (!old) changes.added += 1;
    else if (old.revisionId !== item.revisionId) changes.edited += 1;
    else if (old.verdict !== item.verdict) changes.verdictsChanged += 1;
  }
  changes.archived = before.size;
  return changes;
}

/** "2 patterns added, 1 edited, 1 verdict changed since"; null when nothing changed. */
export function describeStaleness(changes: EvidenceChanges): string | null {
  const patternParts = [
    changes.added && `${changes.added} added`,
    changes.edited && `${changes.edited} edited`,
    changes.archived && `${changes.archived} archived`,
  ].filter((part): part is string => Boolean(part));
  const parts: string[] = [];
  if (patternParts.length) {
    const first = patternParts[0]!;
    const count = Number(first.split(" ")[0]);
    // The noun goes with the first count only: "2 patterns added, 1 edited".
    parts.push(first.replace(" ", count === 1 ? " pattern " : " patterns "), ...patternParts.slice(1));
  }
  if (changes.verdictsChanged) parts.push(`${changes.verdictsChanged} ${changes.verdictsChanged === 1 ? "verdict" : "verdicts"} changed`);
  return parts.length ? `${parts.join(", ")} since` : null;
}
