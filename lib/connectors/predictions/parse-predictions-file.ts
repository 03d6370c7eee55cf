import Papa from "papaparse";

// A predictions file: one output per pattern, for models that cannot be called.
// CSV with a header row, or JSONL (one JSON object per line). Each row names
// `patternRevisionId` (exact revision) or `patternId` (whatever revision is
// replayed), plus `output`. snake_case column names are accepted too.
// In CSV, an output cell that looks like JSON (object, array, quoted string,
// number, true/false/null) is parsed as JSON; anything else is text.

export type PredictionsEntry = { line: number; key: "patternRevisionId" | "patternId"; id: string; output: unknown };
export type PredictionsIndex = { byRevision: Map<string, unknown>; byPattern: Map<string, unknown>; rows: number; entries: PredictionsEntry[] };

export class PredictionsFileError extends Error {
  constructor(readonly problems: { line: number; message: string }[]) {
    super(`invalid predictions file: ${problems.slice(0, 5).map((p) => `line ${p.line}: ${p.message}`).join("; ")}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ""}`);
    this.name = "PredictionsFileError";
  }
}

const JSON_LIKE = /^(?:[{["]|-?\d|true$|false$|null$)/;

function cellOutput(cell: string): unknown {
  const text = cell.trim();
  if (!JSON_LIKE.test(text)) return cell;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return cell;
  }
}

function pick(row: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) if (Object.hasOwn(row, name) && row[name] !== "" && row[name] !== null && row[name] !== undefined) return row[name];
  return undefined;
}

export function detectPredictionsFormat(text: string): "csv" | "jsonl" {
  return text.trimStart().startsWith("{") ? "jsonl" : "csv";
}

/** Parses and indexes a predictions file; throws PredictionsFileError listing every bad line. */
export function parsePredictionsFile(text: string, format: "csv" | "jsonl" = detectPredictionsFormat(text)): PredictionsIndex {
  const rows: { line: number; row: Record<string, unknown>; fromCsv: boolean }[] = [];
  const problems: { line: number; message: string }[] = [];
  const body = text.replace(/^\uFEFF/, "");
  if (format === "jsonl") {
    body.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const value: unknown = JSON.parse(line);
        if (value === null || typeof value !== "object" || Array.isArray(value)) problems.push({ line: i + 1, message: "not a JSON object" });
        else rows.push({ line: i + 1, row: value as Record<string, unknown>, fromCsv: false });
      } catch {
        problems.push({ line: i + 1, message: "not valid JSON" });
      }
    });
  } else {
    // Row by row, so each row's line is counted from where it starts in the text (blank lines and
    // quoted line breaks included), not from its index among the parsed rows.
    let fields: string[] = [];
    let rowStart = indexAfterHeader(body);
    let position = 0;
    let lineAtPosition = 1;
    Papa.parse<Record<string, string>>(body, {
      header: true,
      skipEmptyLines: "greedy",
      transformHeader: (h) => h.trim(),
      step: (result) => {
        fields = result.meta.fields ?? fields;
        const start = firstContentIndex(body, rowStart);
        lineAtPosition += countLines(body, position, start);
        position = start;
        rowStart = Math.max(rowStart, result.meta.cursor);
        const line = lineAtPosition;
        // Papa's "Unable to auto-detect delimiting character" says nothing a user can act on: a file without a comma is reported as its missing columns below.
        for (const error of result.errors) if (error.code !== "UndetectableDelimiter") problems.push({ line, message: csvErrorMessage(error) });
        rows.push({ line, row: result.data, fromCsv: true });
      },
    });
    if (!fields.length) fields = headerFields(body);
    if (!fields.includes("output")) problems.push({ line: 1, message: 'the header has no "output" column' });
  }

  const index: PredictionsIndex = { byRevision: new Map(), byPattern: new Map(), rows: 0, entries: [] };
  for (const { line, row, fromCsv } of rows) {
    const revisionId = pick(row, "patternRevisionId", "pattern_revision_id");
    const patternId = pick(row, "patternId", "pattern_id");
    if (revisionId === undefined && patternId === undefined) {
      problems.push({ line, message: "needs patternRevisionId or patternId" });
      continue;
    }
    if (!Object.hasOwn(row, "output")) {
      problems.push({ line, message: 'has no "output"' });
      continue;
    }
    const output = fromCsv ? cellOutput(String(row.output)) : row.output;
    const [map, key] = revisionId !== undefined ? [index.byRevision, String(revisionId)] : [index.byPattern, String(patternId)];
    if (map.has(key)) {
      problems.push({ line, message: `second prediction for ${revisionId !== undefined ? "pattern revision" : "pattern"} ${key}` });
      continue;
    }
    map.set(key, output);
    index.entries.push({ line, key: revisionId !== undefined ? "patternRevisionId" : "patternId", id: key, output });
    index.rows++;
  }
  problems.sort((a, b) => a.line - b.line);
  if (problems.length) throw new PredictionsFileError(problems);
  if (index.rows === 0) throw new PredictionsFileError([{ line: 1, message: "the file has no predictions" }]);
  return index;
}

/** Where the data rows start: just after the header row's line break. */
function indexAfterHeader(text: string): number {
  const lineBreak = text.indexOf("\n");
  return lineBreak === -1 ? text.length : lineBreak + 1;
}

/** The first character at or after `from` that is not blank (greedy skipping drops blank lines). */
function firstContentIndex(text: string, from: number): number {
  const blank = /\s*/y;
  blank.lastIndex = from;
  blank.exec(text);
  return blank.lastIndex;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

function headerFields(text: string): string[] {
  return (text.split(/\r?\n/, 1)[0] ?? "").split(",").map((f) => f.trim());
}

function csvErrorMessage(error: Papa.ParseError): string {
  switch (error.code) {
    case "MissingQuotes":
      return "a quoted cell is never closed";
    case "InvalidQuotes":
      return "a quote inside a cell is not doubled";
    case "TooFewFields":
      return "fewer cells than the header has columns";
    case "TooManyFields":
      return "more cells than the header has columns";
    default:
      return error.message;
  }
}
