import { z } from "zod";
import { patternFieldsSchema, refineInputForKind } from "@/lib/patterns/create-pattern.schema";
import { resolvePurpose } from "@/lib/patterns/pattern-purpose";

/**
 * One pattern in an import or export file (a JSONL line, or a CSV row after its
 * columns are mapped): the create-pattern fields plus the problem's key.
 */
export const patternRecordSchema = patternFieldsSchema
  .extend({ problem: z.string().trim().min(1, "is required (the problem's key, e.g. SENT-1)") })
  .strict()
  .superRefine(refineInputForKind)
  .transform(resolvePurpose("case"));

export type PatternRecord = z.output<typeof patternRecordSchema>;

export const PATTERN_RECORD_KEYS = ["problem", "name", "purpose", "origin", "inputKind", "input", "expectation", "notes"] as const;
/** Accepted on import as well, never exported: `polarity`, the deprecated alias of purpose (one release). */
export const DEPRECATED_RECORD_KEYS = ["polarity"] as const;

/** A row as the parsers hand it over: its number in the file, the record (null when unreadable) and the errors found so far. */
export type ParsedImportRow = { row: number; record: Record<string, unknown> | null; errors: { path: string; message: string }[] };

export const IMPORT_FORMATS = ["csv", "jsonl"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
