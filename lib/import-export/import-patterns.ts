import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { insertPattern } from "@/lib/patterns/insert-pattern";
import { requestBackfill } from "@/lib/replay/request-backfill";
import { decodeImportText } from "./decode-import-text";
import { parsePatternsCsv } from "./parse-patterns-csv";
import { parsePatternsJsonl } from "./parse-patterns-jsonl";
import type { ImportFormat, ParsedImportRow } from "./pattern-record.schema";
import { validateImportRows, type CheckedImportRow } from "./validate-import-rows";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Patterns per import: the preview of a bigger file is more than anyone reads, and one transaction writes them all. */
export const MAX_IMPORT_ROWS = 20_000;
// Listing every error of a 10,000-row file helps nobody; the preview has them all.
const MAX_ERRORS_IN_422 = 200;

const FORMAT_OF_CONTENT_TYPE: Record<string, ImportFormat> = {
  "text/csv": "csv",
  "application/csv": "csv",
  "text/comma-separated-values": "csv",
  "application/x-ndjson": "jsonl",
  "application/ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "application/x-jsonlines": "jsonl",
  "application/jsonlines": "jsonl",
};

export type ImportRequest = { bytes: Uint8Array; contentType: string | null; format?: ImportFormat; dryRun: boolean };

export type ImportPreview = {
  dryRun: true;
  format: ImportFormat;
  rows: { row: number; ok: boolean; problem: string | null; name: string | null; errors: CheckedImportRow["errors"]; warnings: string[] }[];
  valid: number;
  invalid: number;
};

/**
 * Imports a CSV or JSONL file of patterns into a project, all or nothing: every
 * row is validated first; one bad row refuses the whole file (422 naming each
 * row and field) and writes nothing. With dryRun it only answers the preview.
 * The patterns, one `pattern.import` audit event and the back-fill replays
 * commit in one transaction.
 */
export async function importPatterns(actor: Actor, projectId: string, request: ImportRequest) {
  const project = await prisma().project.findUnique({ where: { id: projectId }, select: { id: true, outputKind: true, labels: true, inputSchema: true } });
  if (!project) throw new NotFoundError("Project");

  const format = request.format ?? formatOfContentType(request.contentType);
  const text = decodeImportText(request.bytes);
  const parsed: ParsedImportRow[] = format === "csv" ? await parsePatternsCsv(text, project.outputKind, MAX_IMPORT_ROWS) : await parsePatternsJsonl(text, MAX_IMPORT_ROWS);
  if (parsed.length === 0) throw new ValidationError("The file has no patterns, only a header.", [{ path: "body", message: "no rows" }]);

  const checked = await validateImportRows(prisma(), project, parsed);
  const invalid = checked.filter((r) => !r.ok);
  if (request.dryRun) {
    const preview: ImportPreview = {
      dryRun: true,
      format,
      rows: checked.map(({ row, ok, problem, name, errors, warnings }) => ({ row, ok, problem, name, errors, warnings })),
      valid: checked.length - invalid.length,
      invalid: invalid.length,
    };
    return preview;
  }
  if (invalid.length) {
    const errors = invalid.flatMap((r) => r.errors);
    throw new ValidationError(
      `${invalid.length} of ${checked.length} rows are invalid (first: ${errors[0]?.path} ${errors[0]?.message}); nothing was imported.`,
      errors.slice(0, MAX_ERRORS_IN_422),
    );
  }

  return prisma().$transaction(
    async (tx) => {
      // Re-validate inside the transaction: a problem or image deleted since the first pass must not be written to.
      const rows = await validateImportRows(tx, project, parsed);
      const stillInvalid = rows.filter((r) => !r.ok);
      if (stillInvalid.length) throw new ValidationError("The project changed during the import; nothing was imported.", stillInvalid.flatMap((r) => r.errors).slice(0, MAX_ERRORS_IN_422));

      const start = Date.now();
      const created: { id: string; revisionId: string; problem: string; name: string; row: number }[] = [];
      for (const [index, row] of rows.entries()) {
        const valid = row.valid!;
        const pattern = await insertPattern(
          tx,
          { projectId, problemId: valid.problemId, createdById: actor.user.id, attachmentId: valid.attachmentId, createdAt: new Date(start + index) },
          valid.record,
        );
        created.push({ id: pattern.patternId, revisionId: pattern.revisionId, problem: valid.record.problem, name: valid.record.name, row: row.row });
      }
      await recordAuditEvent(actor, { action: "pattern.import", entityType: "project", entityId: projectId, projectId, data: { count: created.length, format } }, tx);
      await requestBackfill(tx, { projectId, patternRevisionIds: created.map((c) => c.revisionId), trigger: "patterns_changed", createdById: actor.user.id });
      return {
        dryRun: false as const,
        format,
        imported: created.length,
        items: created.map(({ id, problem, name, row }) => ({ id, problem, name, row, revision: 1 })),
        warnings: rows.flatMap((r) => r.warnings.map((w) => `row ${r.row}: ${w}`)),
      };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

function formatOfContentType(contentType: string | null): ImportFormat {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const format = FORMAT_OF_CONTENT_TYPE[type];
  if (!format) {
    throw new ValidationError("Send the file as the body with Content-Type text/csv or application/x-ndjson (JSONL), or add ?format=csv|jsonl.", [
      { path: "headers.content-type", message: "must be text/csv or application/x-ndjson" },
    ], 400);
  }
  return format;
}
