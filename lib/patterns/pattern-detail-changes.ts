import { z } from "zod";

// A pattern's details (name, purpose, origin, notes) change in place: they make no
// revision. What an edit changed is recorded, before → after, in its pattern.update
// audit event (`data.changes`), and the pattern's History is read from there. Pure.

export const PATTERN_DETAIL_FIELDS = ["name", "purpose", "origin", "notes"] as const;
export type PatternDetailField = (typeof PATTERN_DETAIL_FIELDS)[number];
export type PatternDetails = Record<PatternDetailField, string>;
export type PatternDetailChanges = Partial<Record<PatternDetailField, { from: string; to: string }>>;

/** The details that differ between before and after; an edit that sends the same values changes nothing. */
export function diffPatternDetails(before: PatternDetails, after: Partial<PatternDetails>): PatternDetailChanges {
  const changes: PatternDetailChanges = {};
  for (const field of PATTERN_DETAIL_FIELDS) {
    const to = after[field];
    if (to !== undefined && to !== before[field]) changes[field] = { from: before[field], to };
  }
  return changes;
}

const change = z.object({ from: z.string(), to: z.string() });
const auditDataSchema = z.object({
  changes: z.object({ name: change.optional(), purpose: change.optional(), origin: change.optional(), notes: change.optional() }).optional(),
  newRevision: z.boolean().optional(),
  revisionId: z.string().optional(),
});

export type PatternUpdateRecord =
  /** What the edit changed; empty when it changed no detail. */
  | { recorded: true; changes: PatternDetailChanges; newRevision: boolean; revisionId: string | null }
  /** An edit from before the changes were recorded (only that it was saved is known). */
  | { recorded: false; newRevision: boolean; revisionId: string | null };

/** A pattern.update audit event's data as History reads it; anything unreadable counts as unrecorded. */
export function readPatternUpdateRecord(data: unknown): PatternUpdateRecord {
  const parsed = auditDataSchema.safeParse(data);
  if (!parsed.success) return { recorded: false, newRevision: false, revisionId: null };
  const { changes, newRevision = false, revisionId = null } = parsed.data;
  if (!changes) return { recorded: false, newRevision, revisionId };
  const kept: PatternDetailChanges = {};
  for (const field of PATTERN_DETAIL_FIELDS) if (changes[field]) kept[field] = changes[field];
  return { recorded: true, changes: kept, newRevision, revisionId };
}

export function hasDetailChanges(changes: PatternDetailChanges): boolean {
  return PATTERN_DETAIL_FIELDS.some((field) => changes[field] !== undefined);
}
