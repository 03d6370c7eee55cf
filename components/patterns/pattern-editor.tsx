"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { Button, Field, FormError, Select, TextInput } from "@/components/ui/form-controls";
import { uploadAttachment } from "@/lib/api-client/attachments";
import { createPattern, updatePattern, type CreatePatternBody } from "@/lib/api-client/patterns";
import type { InputKind, OutputKind, PatternOrigin, PatternPurpose } from "@/lib/db/generated/enums";
import { describeExpectation } from "@/lib/patterns/describe-expectation";
import { PURPOSE_MEANING } from "@/lib/patterns/pattern-purpose";
import { draftForAnother, draftFromExpectation, expectationFromDraft, type ExpectationDraft } from "@/lib/patterns/expectation-draft";
import type { Expectation } from "@/lib/scoring/expectation.schema";
import { ExpectationFields, JsonTextarea } from "./expectation-fields";
import { buttonClass } from "@/components/ui/button-class";

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const NEW_JSON_INPUT = '{\n  "text": ""\n}';

export type EditablePattern = {
  id: string;
  lockVersion: number;
  revision: number;
  name: string;
  purpose: PatternPurpose;
  origin: PatternOrigin;
  notes: string;
  inputKind: InputKind;
  input: unknown;
  attachmentId: string | null;
  expectation: Expectation;
};

type Props = {
  project: { id: string; slug: string; outputKind: OutputKind; labels: string[] };
  problem: { id: string; key: string; title: string };
  /** Absent: a new pattern. */
  pattern?: EditablePattern;
};

type Saved = Awaited<ReturnType<typeof createPattern>>;
/** "Save and add another": the pattern just saved, and how many this form has added since it was opened. */
type Sitting = { last: Saved; count: number };
type Conflict = { name: string; revision: number; expectation: Expectation; changedBy: { name: string } | null };

const textareaClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 aria-[invalid=true]:border-red-600";

/** The pattern editor (new and edit): fields, an input that fits its kind, and an expectation form that fits the project. */
export function PatternEditor({ project, problem, pattern }: Props) {
  const router = useRouter();
  const form = useApiForm();
  const base = `/projects/${project.slug}`;
  const [name, setName] = useState(pattern?.name ?? "");
  const [purpose, setPurpose] = useState<PatternPurpose>(pattern?.purpose ?? "case");
  const [origin, setOrigin] = useState<PatternOrigin>(pattern?.origin ?? "contrived");
  const [notes, setNotes] = useState(pattern?.notes ?? "");
  const [inputKind, setInputKind] = useState<InputKind>(pattern?.inputKind ?? "json");
  const [jsonText, setJsonText] = useState(pattern?.inputKind === "json" ? JSON.stringify(pattern.input, null, 2) : NEW_JSON_INPUT);
  const [text, setText] = useState(pattern?.inputKind === "text" && typeof pattern.input === "string" ? pattern.input : "");
  const [image, setImage] = useState<{ id: string; width?: number; height?: number } | null>(pattern?.attachmentId ? { id: pattern.attachmentId } : null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<ExpectationDraft>(() => draftFromExpectation(pattern?.expectation ?? null, project.outputKind));
  const [draftErrors, setDraftErrors] = useState<Record<string, string>>({});
  const [inputError, setInputError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [sitting, setSitting] = useState<Sitting | null>(null);
  const [intent, setIntent] = useState<"save" | "another">("save");

  // After "Save and add another" the fresh form starts at its first field.
  useEffect(() => {
    if (sitting) document.getElementById("pattern-name")?.focus();
  }, [sitting]);

  /** A fresh form for the next pattern: problem, purpose, origin, input kind and how it is judged are kept; name, input, expected value and notes are cleared. */
  function startAnother(last: Saved) {
    setName("");
    setNotes("");
    setJsonText(NEW_JSON_INPUT);
    setText("");
    setImage(null);
    setUploadError(null);
    setInputError(null);
    setDraftErrors({});
    setDraft(draftForAnother);
    setSitting((before) => ({ last, count: (before?.count ?? 0) + 1 }));
  }

  const conflict = form.error?.status === 409 ? (form.error.current as Conflict | undefined) : undefined;
  const serverExpectationError = (field: string) => form.fieldError(`expectation.${field}`);
  const expectationErrors: Record<string, string | undefined> = Object.fromEntries(
    ["kind", "value", "values", "abs", "rel", "k", "pattern"].map((field) => [field, draftErrors[field] ?? serverExpectationError(field)]),
  );
  // A server message on the expectation as a whole (e.g. "Invalid input") goes under the kind picker.
  expectationErrors.kind ??= form.error?.fields.find((f) => f.path === "body.expectation")?.message;

  async function uploadImage(file: File) {
    setUploadError(null);
    if (file.size > MAX_IMAGE_BYTES) {
      setUploadError(`The image is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB.`);
      return;
    }
    setUploading(true);
    try {
      const attachment = await uploadAttachment(project.id, file);
      setImage({ id: attachment.id, width: attachment.width ?? undefined, height: attachment.height ?? undefined });
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : "The upload failed.");
    } finally {
      setUploading(false);
    }
  }

  function currentInput(): { ok: true; value: CreatePatternBody["input"] } | { ok: false; message: string } {
    if (inputKind === "text") return text ? { ok: true, value: text } : { ok: false, message: "Enter the input text." };
    if (inputKind === "image") return image ? { ok: true, value: { attachmentId: image.id } } : { ok: false, message: "Upload an image first." };
    try {
      return { ok: true, value: JSON.parse(jsonText) as CreatePatternBody["input"] };
    } catch (error) {
      return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const another = !pattern && (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "another";
    setIntent(another ? "another" : "save");
    const input = currentInput();
    const expectation = expectationFromDraft(draft, project.outputKind);
    setInputError(input.ok ? null : input.message);
    setDraftErrors(expectation.ok ? {} : expectation.errors);
    if (!input.ok || !expectation.ok) return;
    const body = { name, purpose, origin, notes, inputKind, input: input.value, expectation: expectation.expectation };
    void form.run(async () => {
      if (pattern) {
        await updatePattern(pattern.id, { ...body, lockVersion: pattern.lockVersion });
        router.push(`${base}/patterns/${pattern.id}`);
        router.refresh();
        return;
      }
      const created = await createPattern(problem.id, body);
      if (another) startAnother(created);
      else if (created.warnings.length) setSaved(created);
      else router.push(`${base}/patterns/${created.id}`);
    });
  }

  if (saved) {
    return (
      <div role="status" className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
        <p className="font-medium">Pattern saved — but its input is the same as {saved.warnings.length === 1 ? "another pattern" : "other patterns"} of {problem.key}:</p>
        <ul className="list-disc pl-5">
          {saved.warnings.map((w) => (
            <li key={w.patternId}>
              <Link href={`${base}/patterns/${w.patternId}`} className="font-medium text-blue-800 hover:underline">
                {w.name}
              </Link>
            </li>
          ))}
        </ul>
        <p>Two patterns with one input count the same answer twice. Archive one of them if that was not intended.</p>
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/patterns/${saved.id}`} className="rounded-md bg-blue-700 px-3 py-2 font-medium text-white hover:bg-blue-800">
            Open the new pattern
          </Link>
          <Link href={`${base}/problems/${encodeURIComponent(problem.key)}`} className="rounded-md bg-white px-3 py-2 font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
            Back to {problem.key}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      {pattern ? null : <AddedStatus sitting={sitting} base={base} problemKey={problem.key} />}
      {conflict ? (
        <div role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-semibold">{form.error?.message}.</p>
          <p>
            Their version: revision {conflict.revision}, “{conflict.name}”, expects {describeExpectation(conflict.expectation)}. Reload to edit their version; your changes here are not saved.
          </p>
          <Button type="button" tone="secondary" onClick={() => window.location.reload()}>
            Reload their version
          </Button>
        </div>
      ) : (
        <FormError message={form.error && (!form.error.fields.length || form.error.status >= 500) ? form.error.message : form.error ? "Some fields need attention: see the messages below." : null} />
      )}

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 className="text-base font-semibold text-slate-900">Pattern</h2>
        <Field id="pattern-name" label="Name" error={form.fieldError("name")} hint="What makes this example hard, in a few words.">
          <TextInput id="pattern-name" value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} invalid={!!form.fieldError("name")} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="pattern-purpose" label="Purpose" error={form.fieldError("purpose")} hint={PURPOSE_MEANING[purpose]}>
            <Select id="pattern-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as PatternPurpose)}>
              <option value="case">case</option>
              <option value="control">control</option>
            </Select>
          </Field>
          <Field id="pattern-origin" label="Origin" error={form.fieldError("origin")} hint={origin === "production" ? "Seen in real traffic." : "Written to probe the problem."}>
            <Select id="pattern-origin" value={origin} onChange={(e) => setOrigin(e.target.value as PatternOrigin)}>
              <option value="production">production</option>
              <option value="contrived">contrived</option>
            </Select>
          </Field>
        </div>
        <Field id="pattern-notes" label="Notes (optional)" error={form.fieldError("notes")}>
          <textarea id="pattern-notes" rows={3} value={notes} maxLength={10_000} onChange={(e) => setNotes(e.target.value)} className={textareaClass} />
        </Field>
      </section>

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 className="text-base font-semibold text-slate-900">Input</h2>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Kind</legend>
          <div className="mt-2 inline-flex rounded-md shadow-sm" role="radiogroup" aria-label="Input kind">
            {(["json", "text", "image"] as const).map((kind, i) => (
              <label
                key={kind}
                className={`cursor-pointer px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300 focus-within:ring-2 focus-within:ring-blue-600 ${i === 0 ? "rounded-l-md" : ""} ${i === 2 ? "rounded-r-md" : "-mr-px"} ${inputKind === kind ? "bg-blue-700 text-white ring-blue-700" : "bg-white text-slate-800 hover:bg-slate-50"}`}
              >
                <input type="radio" name="inputKind" value={kind} checked={inputKind === kind} onChange={() => setInputKind(kind)} className="sr-only" />
                {kind === "json" ? "JSON" : kind === "text" ? "Text" : "Image"}
              </label>
            ))}
          </div>
        </fieldset>
        {inputKind === "json" ? (
          <JsonTextarea id="pattern-input" label="Input (JSON, as the model receives it)" value={jsonText} onChange={setJsonText} error={inputError ?? form.fieldError("input")} rows={10} />
        ) : null}
        {inputKind === "text" ? (
          <Field id="pattern-input" label="Input text" error={inputError ?? form.fieldError("input")}>
            <textarea id="pattern-input" rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!!(inputError ?? form.fieldError("input")) || undefined} className={textareaClass} />
          </Field>
        ) : null}
        {inputKind === "image" ? (
          <Field id="pattern-image" label="Image (PNG, JPEG or WebP, at most 5 MB)" error={uploadError ?? inputError ?? form.fieldError("input")}>
            <div className="flex flex-wrap items-start gap-4">
              {image ? (
                // Plain <img>: the API serves it with the session cookie.
                <img src={`/api/v1/attachments/${image.id}?thumbnail=1`} alt="Uploaded input image" className="h-40 w-40 rounded-md border border-slate-200 bg-slate-50 object-contain" />
              ) : (
                <div className="flex h-40 w-40 items-center justify-center rounded-md border border-dashed border-slate-300 bg-slate-50 text-center text-xs text-slate-500">No image yet</div>
              )}
              <div className="space-y-2 text-sm">
                <input
                  // A new key after "Save and add another" empties the file picker with the image.
                  key={sitting?.count ?? 0}
                  id="pattern-image"
                  type="file"
                  accept="image/png,image/jpeg,image/webp"
                  disabled={uploading}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void uploadImage(file);
                  }}
                  className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
                />
                <p className="text-slate-600" aria-live="polite">
                  {uploading ? "Uploading…" : image?.width ? `${image.width} × ${image.height} px, uploaded.` : image ? "Current image." : "The model receives the image bytes."}
                </p>
              </div>
            </div>
          </Field>
        ) : null}
      </section>

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <div>
          <h2 className="text-base font-semibold text-slate-900">Expected output</h2>
          <p className="text-sm text-slate-600">
            This project&apos;s model answers with {project.outputKind === "label" ? `a label${project.labels.length ? ` (${project.labels.join(", ")})` : ""}` : project.outputKind === "number" ? "a number" : project.outputKind === "text" ? "text" : "JSON"}.
          </p>
        </div>
        <ExpectationFields draft={draft} onChange={setDraft} outputKind={project.outputKind} labels={project.labels} errors={expectationErrors} />
        {pattern ? <p className="text-xs text-slate-500">Changing the input or the expectation makes revision {pattern.revision + 1} and replays it on every model version that can still be called.</p> : null}
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="intent" value="save" disabled={form.pending || uploading}>
          {form.pending && intent === "save" ? "Saving…" : pattern ? "Save changes" : "Add pattern"}
        </Button>
        {pattern ? null : (
          <Button type="submit" name="intent" value="another" tone="secondary" disabled={form.pending || uploading}>
            {form.pending && intent === "another" ? "Saving…" : "Save and add another"}
          </Button>
        )}
        {/* Back where the editor was opened from, nothing saved: the pattern's page, or its problem's. */}
        <Link href={pattern ? `${base}/patterns/${pattern.id}` : `${base}/problems/${encodeURIComponent(problem.key)}`} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

/**
 * What "Save and add another" saved, announced (role=status: the region is always
 * there, so screen readers hear each new message), with a link to the pattern and
 * a count of the patterns added since the form was opened.
 */
function AddedStatus({ sitting, base, problemKey }: { sitting: Sitting | null; base: string; problemKey: string }) {
  const last = sitting?.last;
  return (
    <div role="status" className={last ? "space-y-1 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-950" : "sr-only"}>
      {sitting && last ? (
        <>
          <p>
            <span className="font-medium">
              Saved “
              <Link href={`${base}/patterns/${last.id}`} className="text-blue-800 underline hover:no-underline">
                {last.name}
              </Link>
              ” to {problemKey}.
            </span>{" "}
            {sitting.count === 1 ? "1 pattern" : `${sitting.count} patterns`} added here so far; the next one keeps its purpose, origin and kinds.
          </p>
          {last.warnings.length ? (
            <p className="text-amber-900">
              Its input is the same as{" "}
              {last.warnings.map((w, i) => (
                <span key={w.patternId}>
                  {i ? ", " : ""}
                  <Link href={`${base}/patterns/${w.patternId}`} className="font-medium text-blue-800 underline hover:no-underline">
                    {w.name}
                  </Link>
                </span>
              ))}
              : two patterns with one input count the same answer twice. Archive one of them if that was not intended.
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
