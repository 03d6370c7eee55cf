import { z } from "zod";
import { patternFieldsSchema, refineInputForKind } from "@/lib/patterns/create-pattern.schema";

/**
 * One pattern in an import or export file (a JSONL line, or a CSV row after its
 * columns are mapped): the create-pattern fields plus the problem's key.
 */
export const patternRecordSchema = patternFieldsSchema
  .extend({ problem: z.string().trim().min(1, "is required (the problem's key, e.g. SENT-1)") })
  .strict()
  .superRefine(refineInputForKind);

export type PatternRecord = z.output<typeof patternRecordSchema>;

export const PATTERN_RECORD_KEYS = ["problem", "name", "polarity", "origin", "inputKind", "input", "expectation", "notes"] as const;

/** A row as the parsers hand it over: its number in the file, the record (null when unreadable) and the errors found so far. */
export type ParsedImportRow = { row: number; record: Record<string, unknown> | null; errors: { path: string; message: string }[] };

export const IMPORT_FORMATS = ["csv", "jsonl"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
