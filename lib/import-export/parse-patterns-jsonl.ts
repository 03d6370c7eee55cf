import { ValidationError } from "@/lib/errors/domain-errors";
import { DEPRECATED_RECORD_KEYS, PATTERN_RECORD_KEYS, type ParsedImportRow } from "./pattern-record.schema";
import { TooManyRowsError } from "./too-many-rows-error";
import { ROWS_PER_SLICE, yieldToEventLoop } from "./yield-to-event-loop";

const ACCEPTED_KEYS = new Set<string>([...PATTERN_RECORD_KEYS, ...DEPRECATED_RECORD_KEYS]);

/**
 * Reads a patterns JSONL file: one JSON object per line, blank lines skipped.
 * Row numbers are line numbers. A line that is not a JSON object, or has keys
 * a pattern does not have, is that row's error. More than `maxRows` non-blank
 * lines refuse the file before any is parsed. Yields to the event loop between
 * slices of lines.
 */
export async function parsePatternsJsonl(text: string, maxRows: number): Promise<ParsedImportRow[]> {
  const lines = text.split(/\r?\n/);
  let nonBlank = 0;
  for (const line of lines) if (line.trim() !== "" && ++nonBlank > maxRows) throw new TooManyRowsError(maxRows);
  const rows: ParsedImportRow[] = [];
  for (const [index, line] of lines.entries()) {
    if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    const row = index + 1;
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      rows.push({ row, record: null, errors: [{ path: `row ${row}`, message: `not valid JSON (${(error as Error).message})` }] });
      continue;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      rows.push({ row, record: null, errors: [{ path: `row ${row}`, message: "must be a JSON object, one pattern per line" }] });
      continue;
    }
    const unknownKeys = Object.keys(value).filter((key) => !ACCEPTED_KEYS.has(key));
    rows.push({
      row,
      record: unknownKeys.length ? null : (value as Record<string, unknown>),
      errors: unknownKeys.map((key) => ({ path: `row ${row}: ${key}`, message: `unknown field (known: ${PATTERN_RECORD_KEYS.join(", ")})` })),
    });
  }
  if (rows.length === 0) throw new ValidationError("The file has no patterns: one JSON object per line.", [{ path: "body", message: "empty file" }]);
  return rows;
}
