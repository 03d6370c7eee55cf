"use client";
import Link from "next/link";
import { useState } from "react";
import { Button, FormError } from "@/components/ui/form-controls";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { ApiClientError } from "@/lib/api-client/api-fetch";
import { importPatterns } from "@/lib/api-client/import-export";
import type { ImportPreview } from "@/lib/import-export/import-patterns";
import type { ImportFormat } from "@/lib/import-export/pattern-record.schema";
import { replaceSourceRow, sourceRowText } from "@/lib/import-export/source-rows";

type PreviewRow = ImportPreview["rows"][number];

/** JSONL when the file name says so or the text starts with "{"; CSV otherwise. */
function guessFormat(fileName: string | null, text: string): ImportFormat {
  if (fileName && /\.(jsonl|ndjson)$/i.test(fileName)) return "jsonl";
  if (fileName && /\.csv$/i.test(fileName)) return "csv";
  return text.trimStart().startsWith("{") ? "jsonl" : "csv";
}

/** The text the last preview checked, so an invalid row can be fixed in place. */
type Checked = { body: string; format: ImportFormat };

/**
 * Choose or paste a file → Preview (every row ✓ or its errors) → Import, enabled
 * only when every row is valid. An invalid row can be fixed in the preview
 * itself: its text is edited in place and the whole file checked again; the
 * file on disk is left alone and Import sends the edited text.
 */
export function ImportPatternsForm({ project, back }: { project: { id: string; slug: string }; back: { href: string; label: string } }) {
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  // The chosen file's text once a row of it was edited in the preview (it replaces the file's content).
  const [editedFile, setEditedFile] = useState<string | null>(null);
  const [editedRows, setEditedRows] = useState<number[]>([]);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ApiClientError | null>(null);
  const [pending, setPending] = useState<"preview" | "import" | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  // A new key empties the file input after a successful import.
  const [fileInputKey, setFileInputKey] = useState(0);

  // Any change to the content makes the last preview stale.
  function changed() {
    setPreview(null);
    setChecked(null);
    setEditedFile(null);
    setEditedRows([]);
    setError(null);
    setImported(null);
  }

  /** Puts the tester's fix of one row back into the text and checks the whole text again. */
  async function fixRow(row: number, text: string) {
    if (!checked) return;
    const body = replaceSourceRow(checked.body, checked.format, row, text);
    if (file) setEditedFile(body);
    else setPasted(body);
    setEditedRows((rows) => (rows.includes(row) ? rows : [...rows, row]));
    await send(true, body);
  }

  async function send(dryRun: boolean, edited?: string) {
    setPending(dryRun ? "preview" : "import");
    setError(null);
    let body: string;
    try {
      // Read now: a file edited on disk since it was chosen can no longer be read, and should be chosen again.
      body = edited ?? (file ? (editedFile ?? (await file.text())) : pasted);
    } catch {
      setError(new ApiClientError(0, "file_changed", `“${file?.name}” changed since you chose it: choose it again.`));
      setPending(null);
      return;
    }
    const format = guessFormat(file?.name ?? null, body);
    try {
      const result = await importPatterns(project.id, { format, body, dryRun });
      if (result.dryRun) {
        setPreview(result);
        setChecked({ body, format });
      } else {
        setImported(result.imported);
        setPreview(null);
        setChecked(null);
        setEditedFile(null);
        setEditedRows([]);
        setFile(null);
        setFileInputKey((k) => k + 1);
        setPasted("");
      }
    } catch (e) {
      setError(e instanceof ApiClientError ? e : new ApiClientError(0, "network", "Could not reach the server. Check your connection and try again."));
      if (!dryRun) setPreview(null);
    } finally {
      setPending(null);
    }
  }

  const hasContent = !!file || pasted.trim() !== "";
  const canImport = !!preview && preview.invalid === 0 && preview.rows.length > 0 && !pending;

  return (
    <div className="space-y-6">
      {imported !== null ? (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          Imported {imported} pattern{imported === 1 ? "" : "s"}. They are being replayed on every model version that can be called.{" "}
          <Link href={back.href} className="font-medium underline">
            Back to {back.label}
          </Link>
        </div>
      ) : null}

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
            File (CSV or JSONL, UTF-8, at most 5 MB), up to 20,000 patterns
          </label>
          <input
            key={fileInputKey}
            id="import-file"
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
            onClick={(e) => {
              // Choosing the same (fixed) file again must fire onChange.
              e.currentTarget.value = "";
            }}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              changed();
            }}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
          />
          <p className="mt-1 text-xs text-slate-500">Fix an invalid row in the preview below, or fix the file, choose it again and press Preview.</p>
        </div>
        <div>
          <label htmlFor="import-paste" className="block text-sm font-medium text-slate-800">
            …or paste the rows
          </label>
          <textarea
            id="import-paste"
            rows={6}
            value={pasted}
            disabled={!!file}
            placeholder={"problem,name,purpose,origin,input,input_kind,expect_kind,expect_value,notes\nSENT-1,Broken zipper,case,production,\"Oh great, it broke\",text,equals,negative,"}
            onChange={(e) => {
              setPasted(e.target.value);
              changed();
            }}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 disabled:bg-slate-50"
          />
          {file ? (
            <p className="mt-1 text-xs text-slate-500">
              Using the chosen file “{file.name}”
              {editedFile !== null ? `, with ${editedRows.length} row${editedRows.length === 1 ? "" : "s"} fixed here (row ${editedRows.join(", ")}; the file on disk is unchanged)` : ""}.
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" tone="secondary" disabled={!hasContent || !!pending} onClick={() => void send(true)}>
            {pending === "preview" ? "Checking…" : "Preview"}
          </Button>
          <Button type="button" disabled={!canImport} onClick={() => void send(false)}>
            {pending === "import" ? "Importing…" : preview && preview.invalid === 0 ? `Import ${preview.valid} pattern${preview.valid === 1 ? "" : "s"}` : "Import"}
          </Button>
          <span className="text-sm text-slate-600" aria-live="polite">
            {preview ? (preview.invalid ? `${preview.invalid} of ${preview.rows.length} rows need fixing: fix them below (or in the file) and check again. Nothing is imported until every row is valid.` : `All ${preview.valid} rows are valid.`) : hasContent ? "Preview checks every row; nothing is written." : null}
          </span>
        </div>
        {error ? (
          <div className="space-y-1">
            <FormError message={error.message} />
            {error.fields.length ? (
              <ul className="list-disc pl-5 text-sm text-red-800">
                {error.fields.slice(0, 20).map((f, i) => (
                  <li key={i}>
                    <span className="font-mono text-xs">{f.path}</span>: {f.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </section>

      {preview ? (
        <>
        <ul aria-label="Import preview" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white md:hidden">
          {preview.rows.map((row) => (
            <li key={row.row} className={`px-4 py-3 text-sm ${row.ok ? "" : "bg-red-50/60"}`}>
              <p className="text-slate-900">
                <span className="font-medium">Row {row.row}</span> · {row.problem ?? "—"} · {row.name ?? "—"}
              </p>
              <RowCheck row={row} />
              <RowFixer row={row} checked={checked} pending={!!pending} onFix={fixRow} />
            </li>
          ))}
        </ul>
        <Table aria-label="Import preview" containerClassName="hidden md:block">
          <TableHead>
            <TableRow>
              <TableHeaderCell className="text-right">Row</TableHeaderCell>
              <TableHeaderCell>Problem</TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Check</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.rows.map((row) => (
              <TableRow key={row.row} className={row.ok ? "" : "bg-red-50/60"}>
                <TableCell className="text-right tabular-nums">{row.row}</TableCell>
                <TableCell className="whitespace-nowrap">{row.problem ?? "—"}</TableCell>
                <TableCell className="min-w-40">{row.name ?? "—"}</TableCell>
                <TableCell className="min-w-64">
                  <RowCheck row={row} />
                  <RowFixer row={row} checked={checked} pending={!!pending} onFix={fixRow} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        </>
      ) : null}
    </div>
  );
}

/**
 * "Fix row N here" under an invalid row: its text as the file has it (a CSV
 * file's header shown above it, for reference), editable in place; "Check
 * again" puts it back and previews the whole file again.
 */
function RowFixer({ row, checked, pending, onFix }: { row: PreviewRow; checked: Checked | null; pending: boolean; onFix: (row: number, text: string) => Promise<void> }) {
  const [draft, setDraft] = useState<string | null>(null);
  if (row.ok || !checked) return null;
  const original = sourceRowText(checked.body, checked.format, row.row);
  if (original === null) return null;
  const id = `fix-row-${row.row}`;
  if (draft === null) {
    return (
      <button type="button" onClick={() => setDraft(original)} className="mt-1 text-sm font-medium text-blue-700 underline-offset-2 hover:underline">
        Fix row {row.row} here
      </button>
    );
  }
  const header = checked.format === "csv" ? sourceRowText(checked.body, "csv", 1) : null;
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        void onFix(row.row, draft).then(() => setDraft(null));
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Row {row.row} as {checked.format === "csv" ? "CSV" : "a JSON line"}
      </label>
      {header ? (
        <p className="break-all font-mono text-xs text-slate-500">
          <span className="sr-only">Columns: </span>
          {header}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={Math.min(8, Math.max(2, draft.split("\n").length + 1))}
        value={draft}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30"
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" tone="secondary" disabled={pending}>
          {pending ? "Checking…" : "Check again"}
        </Button>
        <Button type="button" tone="secondary" onClick={() => setDraft(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** ✓, or each error with its field; warnings below either. */
function RowCheck({ row }: { row: PreviewRow }) {
  return (
    <>
      {row.ok ? (
        <span className="font-medium text-emerald-800">
          <span aria-hidden="true">✓ </span>valid
        </span>
      ) : (
        <ul className="space-y-0.5 text-red-800">
          {row.errors.map((e, i) => (
            <li key={i}>
              <span aria-hidden="true">✗ </span>
              <span className="font-mono text-xs">{e.path.replace(/^row \d+(: )?/, "") || "row"}</span>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {row.warnings.map((w, i) => (
        <p key={i} className="text-amber-900">
          <span aria-hidden="true">⚠ </span>
          {w}
        </p>
      ))}
    </>
  );
}
