import Papa from "papaparse";
import type { ImportFormat } from "./pattern-record.schema";

/** Where one row of an import file sits in its text: [start, end) without the line break that ends it. */
export type SourceRow = { row: number; start: number; end: number };

/**
 * The rows of an import file as the server numbers them (parse-patterns-csv.ts,
 * parse-patterns-jsonl.ts): CSV rows are records, the header is row 1, and a
 * quoted cell may span lines; JSONL rows are line numbers. Lets the import
 * preview show an invalid row's own text and put an edited row back in place.
 */
export function locateSourceRows(text: string, format: ImportFormat): SourceRow[] {
  const rows: SourceRow[] = [];
  if (format === "jsonl") {
    let start = 0;
    for (const [index, line] of text.split("\n").entries()) {
      const end = start + line.length;
      rows.push({ row: index + 1, start, end: line.endsWith("\r") ? end - 1 : end });
      start = end + 1;
    }
    return rows;
  }
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    skipEmptyLines: false,
    step(results) {
      const cursor = results.meta.cursor;
      const raw = text.slice(start, cursor);
      const lineBreak = /\r?\n$/.exec(raw)?.[0].length ?? 0;
      rows.push({ row: rows.length + 1, start, end: cursor - lineBreak });
      start = cursor;
    },
  });
  return rows;
}

/** The text of row `row`, or null when the file has no such row. */
export function sourceRowText(text: string, format: ImportFormat, row: number): string | null {
  const found = locateSourceRows(text, format).find((r) => r.row === row);
  return found ? text.slice(found.start, found.end) : null;
}

/** The file with row `row` replaced by `replacement` (its line break kept); unchanged when there is no such row. */
export function replaceSourceRow(text: string, format: ImportFormat, row: number, replacement: string): string {
  const found = locateSourceRows(text, format).find((r) => r.row === row);
  return found ? text.slice(0, found.start) + replacement + text.slice(found.end) : text;
}
