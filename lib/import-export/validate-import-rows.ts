import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { FieldError } from "@/lib/errors/domain-errors";
import { zodFields } from "@/lib/errors/zod-fields";
import { findUnstorableTextPath } from "@/lib/http/json-limits";
import { checkExpectationFitsProject } from "@/lib/patterns/check-expectation-fits-project";
import { checkPatternInput } from "@/lib/patterns/check-pattern-input";
import { hashJson } from "@/lib/scoring/canonical-json";
import { patternRecordSchema, type ParsedImportRow, type PatternRecord } from "./pattern-record.schema";
import { ROWS_PER_SLICE, yieldToEventLoop } from "./yield-to-event-loop";

export type ImportProject = { id: string; outputKind: "label" | "number" | "text" | "json"; labels: string[]; inputSchema: unknown };

export type CheckedImportRow = {
  row: number;
  ok: boolean;
  problem: string | null;
  name: string | null;
  errors: FieldError[];
  warnings: string[];
  /** Set when ok: what insertPattern writes. */
  valid?: { record: PatternRecord; problemId: string; attachmentId: string | null };
};

/**
 * Validates every parsed row completely (zod, the problem exists in the
 * project, the input and expectation fit it), so a preview shows every
 * problem of the file at once. Error paths name the row: "row 7: expectation.value".
 */
export async function validateImportRows(tx: Prisma.TransactionClient, project: ImportProject, rows: ParsedImportRow[]): Promise<CheckedImportRow[]> {
  const problems = new Map(
    (await tx.problem.findMany({ where: { projectId: project.id }, select: { id: true, key: true } })).map((p) => [p.key, p.id]),
  );
  const imageHashes = await attachmentsBySha256(tx, project.id, rows);

  const checked: CheckedImportRow[] = [];
  for (const [index, parsedRow] of rows.entries()) {
    if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    const at = `row ${parsedRow.row}`;
    const raw = parsedRow.record;
    const base = {
      row: parsedRow.row,
      problem: typeof raw?.problem === "string" ? raw.problem.trim() : null,
      name: typeof raw?.name === "string" ? raw.name.trim() : null,
      warnings: [],
    };
    if (!raw || parsedRow.errors.length) {
      checked.push({ ...base, ok: false, errors: parsedRow.errors });
      continue;
    }
    // PostgreSQL stores neither NUL nor a lone surrogate: such a row is invalid, not a 500 at import.
    const unstorable = findUnstorableTextPath(raw, at);
    if (unstorable) {
      checked.push({ ...base, ok: false, errors: [{ path: unstorable.replace(`${at}.`, `${at}: `), message: "must not contain the NUL character (\\u0000) or a lone surrogate" }] });
      continue;
    }
    const parsed = patternRecordSchema.safeParse(resolveImageBySha256(raw, imageHashes));
    if (!parsed.success) {
      checked.push({ ...base, ok: false, errors: zodFields(parsed.error, at).map((e) => ({ ...e, path: e.path.replace(`${at}.`, `${at}: `) })) });
      continue;
    }
    const record = parsed.data;
    const errors: FieldError[] = [];
    const problemId = problems.get(record.problem);
    if (!problemId) errors.push({ path: `${at}: problem`, message: `no problem ${record.problem} in this project` });
    const input = await checkPatternInput(tx, project, record.inputKind, record.input, `${at}: input`);
    errors.push(...input.errors, ...checkExpectationFitsProject(project, record.expectation, `${at}: expectation`));
    checked.push({
      ...base,
      ok: errors.length === 0,
      errors,
      ...(errors.length === 0 && problemId ? { valid: { record, problemId, attachmentId: input.attachmentId } } : {}),
    });
  }
  await addDuplicateWarnings(tx, project.id, checked);
  return checked;
}

/** Image inputs in files may name their image by content ({ "sha256": … }, as exports do), so they import into any project that has the same image. */
async function attachmentsBySha256(tx: Prisma.TransactionClient, projectId: string, rows: ParsedImportRow[]) {
  const hashes = rows.flatMap((r) => {
    const input = r.record?.input as { sha256?: unknown } | undefined;
    return r.record?.inputKind === "image" && input && typeof input.sha256 === "string" ? [input.sha256] : [];
  });
  if (hashes.length === 0) return new Map<string, string>();
  const found = await tx.attachment.findMany({ where: { projectId, sha256: { in: [...new Set(hashes)] } }, select: { id: true, sha256: true } });
  return new Map(found.map((a) => [a.sha256, a.id]));
}

function resolveImageBySha256(record: Record<string, unknown>, bySha256: Map<string, string>): Record<string, unknown> {
  const input = record.input as { sha256?: unknown; attachmentId?: unknown } | null;
  if (record.inputKind !== "image" || !input || typeof input !== "object" || typeof input.sha256 !== "string") return record;
  const attachmentId = bySha256.get(input.sha256) ?? input.attachmentId;
  // An unknown hash keeps the input as { sha256 }, which the schema then rejects with the upload hint.
  return { ...record, input: attachmentId === undefined ? { sha256: input.sha256 } : { attachmentId } };
}

const HASHES_PER_QUERY = 1000;

/** Same input twice for one problem (in the file, or already in the project): a warning, as for a single pattern. */
async function addDuplicateWarnings(tx: Prisma.TransactionClient, projectId: string, rows: CheckedImportRow[]) {
  const valid = rows.filter((r) => r.valid);
  const hashOf = new Map<CheckedImportRow, string>();
  for (const [index, row] of valid.entries()) {
    if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
    hashOf.set(row, hashJson(row.valid!.record.input));
  }
  const seen = new Map<string, string>();
  const hashes = [...new Set(hashOf.values())];
  // In batches: one query with 20,000 parameters takes the event loop for a fifth of a second to build.
  for (let i = 0; i < hashes.length; i += HASHES_PER_QUERY) {
    const existing = await tx.pattern.findMany({
      where: { projectId, archivedAt: null, currentRevision: { inputHash: { in: hashes.slice(i, i + HASHES_PER_QUERY) } } },
      select: { name: true, problemId: true, currentRevision: { select: { inputHash: true } } },
    });
    for (const pattern of existing) seen.set(`${pattern.problemId}:${pattern.currentRevision?.inputHash}`, `pattern “${pattern.name}”`);
  }
  for (const row of valid) {
    const key = `${row.valid!.problemId}:${hashOf.get(row)}`;
    const earlier = seen.get(key);
    if (earlier) row.warnings.push(`same input as ${earlier} of ${row.valid!.record.problem}`);
    else seen.set(key, `row ${row.row}`);
  }
}
