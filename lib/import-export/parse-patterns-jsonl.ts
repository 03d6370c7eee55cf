import { ValidationError } from "@/lib/errors/domain-errors";
import { PATTERN_RECORD_KEYS, type ParsedImportRow } from "./pattern-record.schema";

/**
 * Reads a patterns JSONL file: one JSON object per line, blank lines skipped.
 * Row numbers are line numbers. A line that is not a JSON object, or has keys
 * a pattern does not have, is that row's error.
 */
export function parsePatternsJsonl(text: string): ParsedImportRow[] {
  const rows: ParsedImportRow[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const row = index + 1;
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      rows.push({ row, record: null, errors: [{ path: `row ${row}`, message: `not valid JSON (${(error as Error).message})` }] });
      return;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      rows.push({ row, record: null, errors: [{ path: `row ${row}`, message: "must be a JSON object, one pattern per line" }] });
      return;
    }
    const unknownKeys = Object.keys(value).filter((key) => !(PATTERN_RECORD_KEYS as readonly string[]).includes(key));
    rows.push({
      row,
      record: unknownKeys.length ? null : (value as Record<string, unknown>),
      errors: unknownKeys.map((key) => ({ path: `row ${row}: ${key}`, message: `unknown field (known: ${PATTERN_RECORD_KEYS.join(", ")})` })),
    });
  });
  if (rows.length === 0) throw new ValidationError("The file has no patterns: one JSON object per line.", [{ path: "body", message: "empty file" }]);
  return rows;
}
