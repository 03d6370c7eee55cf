import Papa from "papaparse";
import type { OutputKind } from "@/lib/db/generated/enums";
import { ValidationError } from "@/lib/errors/domain-errors";
import type { ParsedImportRow } from "./pattern-record.schema";
import { TooManyRowsError } from "./too-many-rows-error";
import { ROWS_PER_SLICE, yieldToEventLoop } from "./yield-to-event-loop";

const RECORD_COLUMNS = ["problem", "name", "purpose", "origin", "input", "input_kind", "expectation", "notes"] as const;
/** Read but never written: `polarity`, the deprecated alias of purpose (one release). */
const DEPRECATED_COLUMNS = ["polarity"] as const;
const SHORTHAND_COLUMNS = ["expect_kind", "expect_value", "expect_k", "expect_abs", "expect_rel"] as const;
const KNOWN_COLUMNS: readonly string[] = [...RECORD_COLUMNS, ...SHORTHAND_COLUMNS, ...DEPRECATED_COLUMNS];

type Cells = Record<string, string>;
type RowError = { path: string; message: string };

/**
 * Reads a patterns CSV (comma-separated, header row, RFC 4180 quoting) into
 * records. Row numbers are spreadsheet rows: the header is row 1. Problems of
 * the whole file (no header, unknown columns, broken quoting, more than
 * `maxRows` rows) are thrown; problems of one row (ragged, unparsable JSON
 * cell) are that row's errors. `outputKind` decides how shorthand
 * expect_value cells are read ("3" is a number on number projects, a label or
 * text elsewhere). Yields to the event loop between slices of rows.
 */
export async function parsePatternsCsv(text: string, outputKind: OutputKind, maxRows: number): Promise<ParsedImportRow[]> {
  const lines = await readCsvLines(text, maxRows);
  const [header, ...dataLines] = lines;
  if (!header || header.cells.every((cell) => cell.trim() === "")) throw new ValidationError("The CSV file is empty: it needs a header row and one row per pattern.", [{ path: "body", message: "empty file" }]);

  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const fileErrors: RowError[] = [];
  for (const column of columns) {
    if (!KNOWN_COLUMNS.includes(column)) fileErrors.push({ path: `header: ${column || "(empty)"}`, message: `unknown column (known: ${KNOWN_COLUMNS.join(", ")})` });
  }
  for (const column of new Set(columns.filter((c, i) => columns.indexOf(c) !== i))) fileErrors.push({ path: `header: ${column}`, message: "appears twice" });
  for (const required of ["problem", "name", "input"]) {
    if (!columns.includes(required)) fileErrors.push({ path: `header: ${required}`, message: "required column is missing" });
  }
  if (!columns.includes("expectation") && !columns.includes("expect_kind")) {
    fileErrors.push({ path: "header: expectation", message: "add an expectation column (JSON) or the expect_kind + expect_value columns" });
  }
  if (fileErrors.length) throw new ValidationError("The CSV header is not a patterns header.", fileErrors);
  if (header.quoteError) throw new ValidationError("The CSV header row is broken.", [{ path: "row 1", message: `broken quoting: ${header.quoteError}` }]);

  const rows: ParsedImportRow[] = [];
  for (const [index, line] of dataLines.entries()) {
    if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    const row = index + 2;
    if (line.cells.length === 1 && line.cells[0]!.trim() === "") continue; // blank line
    if (line.quoteError) {
      rows.push({ row, record: null, errors: [{ path: `row ${row}`, message: `broken quoting: ${line.quoteError}` }] });
      continue;
    }
    if (line.cells.length !== columns.length) {
      rows.push({ row, record: null, errors: [{ path: `row ${row}`, message: `has ${line.cells.length} cells, the header has ${columns.length} (a missing comma, or an unquoted comma in a cell?)` }] });
      continue;
    }
    const cells: Cells = Object.fromEntries(columns.map((column, i) => [column, line.cells[i]!]));
    rows.push(recordOfRow(row, cells, outputKind));
  }
  return rows;
}

type CsvLine = { cells: string[]; quoteError?: string };

/**
 * Papa Parse row by row, pausing every ROWS_PER_SLICE rows for a turn of the
 * event loop, and stopping as soon as the file has more than `maxRows`
 * non-blank data rows (the rest is never parsed).
 */
function readCsvLines(text: string, maxRows: number): Promise<CsvLine[]> {
  return new Promise((resolve, reject) => {
    const lines: CsvLine[] = [];
    let dataRows = 0;
    let stopped = false;
    Papa.parse<string[]>(text, {
      delimiter: ",",
      skipEmptyLines: false,
      step(results, parser) {
        const cells = results.data;
        const quoteError = results.errors[0]?.message;
        lines.push(quoteError ? { cells, quoteError } : { cells });
        if (lines.length > 1 && !(cells.length === 1 && cells[0]!.trim() === "") && ++dataRows > maxRows) {
          stopped = true;
          parser.abort();
          reject(new TooManyRowsError(maxRows));
          return;
        }
        if (lines.length % ROWS_PER_SLICE === 0) {
          parser.pause();
          setImmediate(() => parser.resume());
        }
      },
      complete() {
        if (!stopped) resolve(lines);
      },
      error(error: Error) {
        reject(error);
      },
    });
  });
}

function recordOfRow(row: number, cells: Cells, outputKind: OutputKind): ParsedImportRow {
  const errors: RowError[] = [];
  const at = (path: string) => `row ${row}: ${path}`;
  const optional = (column: string) => (cells[column]?.trim() ? cells[column]!.trim() : undefined);

  const inputKind = optional("input_kind") ?? "json";
  let input: unknown;
  const inputCell = cells.input ?? "";
  if (inputKind === "text") input = inputCell;
  else if (inputCell.trim() === "") input = undefined;
  else {
    const json = parseJsonCell(inputCell);
    if (json.ok) input = json.value;
    else errors.push({ path: at("input"), message: `not valid JSON (${json.message}); for plain text set input_kind to text` });
  }

  let expectation: unknown;
  const expectationCell = optional("expectation");
  const expectKind = optional("expect_kind");
  if (expectationCell && expectKind) {
    errors.push({ path: at("expectation"), message: "fill either the expectation column or expect_kind, not both" });
  } else if (expectationCell) {
    const json = parseJsonCell(expectationCell);
    if (json.ok) expectation = json.value;
    else errors.push({ path: at("expectation"), message: `not valid JSON (${json.message})` });
  } else if (expectKind) {
    const shorthand = expectationFromShorthand(expectKind, cells, outputKind);
    if (shorthand.ok) expectation = shorthand.value;
    else errors.push(...shorthand.errors.map((e) => ({ path: at(e.path), message: e.message })));
  } else {
    errors.push({ path: at("expectation"), message: "is required (the expectation column, or expect_kind)" });
  }

  const record: Record<string, unknown> = {
    problem: cells.problem ?? "",
    name: cells.name ?? "",
    inputKind,
    input,
    expectation,
    ...(optional("purpose") ? { purpose: optional("purpose") } : {}),
    ...(optional("polarity") ? { polarity: optional("polarity") } : {}),
    ...(optional("origin") ? { origin: optional("origin") } : {}),
    ...(cells.notes !== undefined ? { notes: cells.notes } : {}),
  };
  return { row, record: errors.length ? null : record, errors };
}

type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

function parseJsonCell(cell: string): CellResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(cell) as unknown };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function parseNumberCell(cell: string | undefined): number | undefined | null {
  if (cell === undefined || cell.trim() === "") return undefined;
  const n = Number(cell.trim());
  return Number.isFinite(n) ? n : null;
}

/** A shorthand value as the project's outputs are: numbers on number projects, JSON on JSON projects, the text itself otherwise. */
function scalarValue(cell: string, outputKind: OutputKind): CellResult<unknown> {
  if (outputKind === "number") {
    const n = parseNumberCell(cell);
    return typeof n === "number" ? { ok: true, value: n } : { ok: false, message: "must be a number" };
  }
  if (outputKind === "json") {
    const json = parseJsonCell(cell);
    return json.ok ? json : { ok: false, message: `not valid JSON (${json.message})` };
  }
  return { ok: true, value: cell };
}

function expectationFromShorthand(kind: string, cells: Cells, outputKind: OutputKind): { ok: true; value: unknown } | { ok: false; errors: RowError[] } {
  const value = cells.expect_value ?? "";
  const fail = (path: string, message: string) => ({ ok: false as const, errors: [{ path, message }] });
  const scalar = (): { ok: true; value: unknown } | { ok: false; errors: RowError[] } => {
    if (value.trim() === "") return fail("expect_value", `is required for ${kind}`);
    const v = scalarValue(value.trim(), outputKind);
    return v.ok ? { ok: true, value: v.value } : fail("expect_value", v.message);
  };
  switch (kind) {
    case "equals":
    case "not_equals": {
      const v = scalar();
      return v.ok ? { ok: true, value: { kind, value: v.value } } : v;
    }
    case "in_top_k": {
      const v = scalar();
      if (!v.ok) return v;
      const k = parseNumberCell(cells.expect_k);
      if (k === undefined) return fail("expect_k", "is required for in_top_k");
      if (k === null) return fail("expect_k", "must be a number");
      return { ok: true, value: { kind, value: v.value, k } };
    }
    case "one_of": {
      if (value.trim() === "") return fail("expect_value", "is required for one_of (values separated by |, or a JSON array)");
      const trimmed = value.trim();
      if (trimmed.startsWith("[")) {
        const json = parseJsonCell(trimmed);
        return json.ok ? { ok: true, value: { kind, values: json.value } } : fail("expect_value", `not a valid JSON array (${json.message})`);
      }
      const values: unknown[] = [];
      for (const part of trimmed.split("|")) {
        const v = scalarValue(part.trim(), outputKind);
        if (!v.ok) return fail("expect_value", `${JSON.stringify(part.trim())}: ${v.message}`);
        values.push(v.value);
      }
      return { ok: true, value: { kind, values } };
    }
    case "within": {
      const v = parseNumberCell(value);
      if (v === undefined) return fail("expect_value", "is required for within");
      if (v === null) return fail("expect_value", "must be a number");
      const abs = parseNumberCell(cells.expect_abs);
      const rel = parseNumberCell(cells.expect_rel);
      if (abs === null) return fail("expect_abs", "must be a number");
      if (rel === null) return fail("expect_rel", "must be a number");
      return { ok: true, value: { kind, value: v, ...(abs !== undefined ? { abs } : {}), ...(rel !== undefined ? { rel } : {}) } };
    }
    case "contains":
      return value === "" ? fail("expect_value", "is required for contains") : { ok: true, value: { kind, value } };
    case "matches":
      return value === "" ? fail("expect_value", "is required for matches (the regular expression)") : { ok: true, value: { kind, pattern: value } };
    case "json_subset": {
      const json = parseJsonCell(value);
      return json.ok ? { ok: true, value: { kind, value: json.value } } : fail("expect_value", `not valid JSON (${json.message})`);
    }
    case "human":
      return { ok: true, value: { kind } };
    default:
      return fail("expect_kind", `unknown kind ${JSON.stringify(kind)} (equals, not_equals, one_of, within, contains, matches, json_subset, in_top_k, human)`);
  }
}
