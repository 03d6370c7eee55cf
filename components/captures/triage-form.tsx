"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { TextArea } from "@/components/problems/text-area";
import { Button, Field, FormError, formErrorMessage, Select, TextInput } from "@/components/ui/form-controls";
import { triageCapture, type TriageCaptureBody } from "@/lib/api-client/captures";
import { PURPOSE_MEANING } from "@/lib/patterns/pattern-purpose";

type TriageFormProps = {
  captureId: string;
  problems: { id: string; key: string; title: string }[];
  /** Prefill: `equals` the production output, else the project's first label, else a human grade. */
  expectation: unknown;
  suggestedName: string;
};

/** "Make pattern" → a small inline form whose defaults are right most of the time, so it is two clicks. */
export function TriageForm({ captureId, problems, expectation, suggestedName }: TriageFormProps) {
  const router = useRouter();
  const form = useApiForm();
  const [open, setOpen] = useState(false);
  const [expectationError, setExpectationError] = useState<string | null>(null);
  const id = (name: string) => `triage-${captureId}-${name}`;

  if (!open) {
    return (
      <Button type="button" onClick={() => setOpen(true)} disabled={problems.length === 0} title={problems.length === 0 ? "Log a problem first" : undefined}>
        Make pattern
      </Button>
    );
  }
  const expectationMessage = expectationError ?? form.fieldError("expectation");
  return (
    <form
      className="mt-3 grid w-full gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        let parsedExpectation: unknown;
        try {
          parsedExpectation = JSON.parse(String(data.get("expectation") ?? ""));
        } catch {
          setExpectationError("is not valid JSON");
          return;
        }
        setExpectationError(null);
        void form.run(async () => {
          // Purpose comes from radio buttons of the schema's values; the API validates the expectation.
          await triageCapture(captureId, {
            problemId: String(data.get("problemId") ?? ""),
            name: String(data.get("name") ?? ""),
            purpose: String(data.get("purpose") ?? "") as TriageCaptureBody["purpose"],
            expectation: parsedExpectation as TriageCaptureBody["expectation"],
          });
          router.refresh();
        });
      }}
    >
      <div className="sm:col-span-2">
        <FormError message={form.error?.fields.some((f) => /^body\.(problemId|name|purpose|expectation)/.test(f.path)) ? formErrorMessage(form.error) : form.error?.message} />
        {form.error?.fields
          .filter((f) => f.path.startsWith("body.input"))
          .map((f) => (
            <p key={f.path} role="alert" className="mt-1 text-sm text-red-700">
              {f.path.replace(/^body\./, "")}: {f.message}
            </p>
          ))}
      </div>
      <Field id={id("problem")} label="Problem" error={form.fieldError("problemId")}>
        <Select id={id("problem")} name="problemId" defaultValue={problems[0]?.id}>
          {problems.map((p) => (
            <option key={p.id} value={p.id}>
              {p.key} · {p.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={id("name")} label="Pattern name" error={form.fieldError("name")}>
        <TextInput id={id("name")} name="name" required maxLength={200} defaultValue={suggestedName} invalid={!!form.fieldError("name")} />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Purpose</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
          <label className="inline-flex items-center gap-1.5" title={PURPOSE_MEANING.case}>
            <input type="radio" name="purpose" value="case" defaultChecked /> case <span className="text-slate-500">(the problem)</span>
          </label>
          <label className="inline-flex items-center gap-1.5" title={PURPOSE_MEANING.control}>
            <input type="radio" name="purpose" value="control" /> control <span className="text-slate-500">(a look-alike)</span>
          </label>
        </div>
      </fieldset>
      <Field id={id("expectation")} label="Expectation (JSON)" error={expectationMessage} hint='e.g. { "kind": "equals", "value": "negative" }'>
        <TextArea
          id={id("expectation")}
          name="expectation"
          rows={2}
          spellCheck={false}
          className="font-mono text-xs"
          defaultValue={JSON.stringify(expectation)}
          invalid={!!expectationMessage}
        />
      </Field>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Creating…" : "Create pattern"}
        </Button>
        <Button type="button" tone="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
