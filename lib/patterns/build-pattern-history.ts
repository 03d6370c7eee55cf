import { hasDetailChanges, type PatternDetailChanges, type PatternUpdateRecord } from "./pattern-detail-changes";

// A pattern's History: its revisions (input and expectation) and, between them, the
// edits that changed its details in place (name, purpose, origin, notes). Pure.

export type HistoryPerson = { name: string; email: string } | null;

export type HistoryRevision = { id: string; number: number; createdAt: Date };

export type PatternUpdateEvent = { id: string; createdAt: Date; actor: HistoryPerson; record: PatternUpdateRecord };

export type PatternHistoryEntry<R extends HistoryRevision> =
  /** A revision; `details`: what the same edit changed in place (none for the first revision). */
  | { kind: "revision"; revision: R; details: PatternDetailChanges }
  /** An edit that made no revision. `changes` null: made before Ratchet recorded what an edit changed. */
  | { kind: "details"; id: string; at: Date; by: HistoryPerson; changes: PatternDetailChanges | null; revisionNumber: number };

/**
 * Newest first. An edit that made a revision is folded into that revision (by the
 * revision id its event names); other edits are placed by time, with the revision
 * they were made on. Edits that changed nothing (the same values saved again) are left out.
 */
export function buildPatternHistory<R extends HistoryRevision>(revisions: R[], updates: PatternUpdateEvent[]): PatternHistoryEntry<R>[] {
  const detailsOfRevision = new Map<string, PatternDetailChanges>();
  const inPlace: { at: Date; entry: PatternHistoryEntry<R> }[] = [];
  const byTimeAsc = [...revisions].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number);

  for (const update of updates) {
    const { record } = update;
    if (record.newRevision && record.revisionId && revisions.some((r) => r.id === record.revisionId)) {
      if (record.recorded && hasDetailChanges(record.changes)) detailsOfRevision.set(record.revisionId, record.changes);
      continue;
    }
    if (record.newRevision) continue;
    if (record.recorded && !hasDetailChanges(record.changes)) continue;
    // The revision the pattern was at when this edit was made: the newest one made no later than it.
    const madeOn = byTimeAsc.filter((r) => r.createdAt.getTime() <= update.createdAt.getTime()).at(-1) ?? byTimeAsc[0];
    inPlace.push({
      at: update.createdAt,
      entry: { kind: "details", id: update.id, at: update.createdAt, by: update.actor, changes: record.recorded ? record.changes : null, revisionNumber: madeOn?.number ?? 1 },
    });
  }

  const entries: { at: Date; order: number; entry: PatternHistoryEntry<R> }[] = [
    ...revisions.map((revision) => ({ at: revision.createdAt, order: 0, entry: { kind: "revision" as const, revision, details: detailsOfRevision.get(revision.id) ?? {} } })),
    // At the same instant an in-place edit follows the revision it was made on.
    ...inPlace.map(({ at, entry }) => ({ at, order: 1, entry })),
  ];
  entries.sort((a, b) => b.at.getTime() - a.at.getTime() || b.order - a.order || revisionNumber(b.entry) - revisionNumber(a.entry));
  return entries.map((e) => e.entry);
}

function revisionNumber<R extends HistoryRevision>(entry: PatternHistoryEntry<R>): number {
  return entry.kind === "revision" ? entry.revision.number : entry.revisionNumber;
}
