"use client";
import { Field, Select, TextInput } from "@/components/ui/form-controls";
import type { OutputKind } from "@/lib/db/generated/enums";
import { KINDS_BY_OUTPUT } from "@/lib/patterns/check-expectation-fits-project";
import { regexError, type ExpectationDraft } from "@/lib/patterns/expectation-draft";
import type { ExpectationKind } from "@/lib/scoring/expectation.schema";

const KIND_WORDS: Record<ExpectationKind, { name: string; hint: string }> = {
  equals: { name: "equals", hint: "The output is exactly this." },
  not_equals: { name: "not equals", hint: "Any output but this one passes." },
  one_of: { name: "one of", hint: "Any of these values passes." },
  within: { name: "within a tolerance", hint: "A number close enough to the expected one." },
  contains: { name: "contains", hint: "The output's text includes this." },
  matches: { name: "matches a regular expression", hint: "The output's text matches the expression." },
  json_subset: { name: "JSON subset", hint: "The output includes these fields with these values; others may be there too." },
  in_top_k: { name: "in top k", hint: "This label ranks among the model's first k answers." },
  human: { name: "graded by a person", hint: "Nothing to set: a person grades each new output." },
};

const textareaClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 aria-[invalid=true]:border-red-600";

type Props = {
  draft: ExpectationDraft;
  onChange: (draft: ExpectationDraft) => void;
  outputKind: OutputKind;
  labels: string[];
  /** Messages keyed by draft field ("kind", "value", "values", "abs", "rel", "k", "pattern"). */
  errors: Record<string, string | undefined>;
};

/** The expectation as a form that fits its kind and the project's outputs: label pickers on label projects, number fields for within, … */
export function ExpectationFields({ draft, onChange, outputKind, labels, errors }: Props) {
  const set = (patch: Partial<ExpectationDraft>) => onChange({ ...draft, ...patch });
  const kinds = KINDS_BY_OUTPUT[outputKind];
  return (
    <div className="space-y-4">
      <Field id="expectation-kind" label="How the output is judged" error={errors.kind} hint={KIND_WORDS[draft.kind].hint}>
        <Select id="expectation-kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as ExpectationKind })}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_WORDS[kind].name}
            </option>
          ))}
        </Select>
      </Field>

      {draft.kind === "equals" || draft.kind === "not_equals" ? (
        <ValueField id="expectation-value" label={draft.kind === "equals" ? "Expected output" : "The output must not be"} value={draft.value} onChange={(value) => set({ value })} outputKind={outputKind} labels={labels} error={errors.value} />
      ) : null}

      {draft.kind === "in_top_k" ? (
        <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
          <ValueField id="expectation-value" label="Label" value={draft.value} onChange={(value) => set({ value })} outputKind={outputKind} labels={labels} error={errors.value} />
          <Field id="expectation-k" label="Top k" error={errors.k}>
            <TextInput id="expectation-k" type="number" min={1} step={1} inputMode="numeric" value={draft.k} onChange={(e) => set({ k: e.target.value })} invalid={!!errors.k} />
          </Field>
        </div>
      ) : null}

      {draft.kind === "one_of" ? <OneOfFields draft={draft} set={set} outputKind={outputKind} labels={labels} error={errors.values} /> : null}

      {draft.kind === "within" ? (
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="sr-only">Expected number and tolerance</legend>
          <Field id="expectation-value" label="Expected number" error={errors.value}>
            <TextInput id="expectation-value" type="number" step="any" inputMode="decimal" value={draft.value} onChange={(e) => set({ value: e.target.value })} invalid={!!errors.value} />
          </Field>
          <Field id="expectation-abs" label="± absolute" error={errors.abs} hint="e.g. 0.5">
            <TextInput id="expectation-abs" type="number" step="any" min={0} inputMode="decimal" value={draft.abs} onChange={(e) => set({ abs: e.target.value })} invalid={!!errors.abs} />
          </Field>
          <Field id="expectation-rel" label="± relative" error={errors.rel} hint="0.1 = 10%; the larger tolerance wins">
            <TextInput id="expectation-rel" type="number" step="any" min={0} inputMode="decimal" value={draft.rel} onChange={(e) => set({ rel: e.target.value })} invalid={!!errors.rel} />
          </Field>
        </fieldset>
      ) : null}

      {draft.kind === "contains" ? (
        <Field id="expectation-value" label="The output contains" error={errors.value} hint="Case-sensitive. JSON outputs are read as their JSON text.">
          <TextInput id="expectation-value" value={draft.value} onChange={(e) => set({ value: e.target.value })} invalid={!!errors.value} />
        </Field>
      ) : null}

      {draft.kind === "matches" ? <MatchesField pattern={draft.pattern} onChange={(pattern) => set({ pattern })} error={errors.pattern} /> : null}

      {draft.kind === "json_subset" ? (
        <JsonTextarea id="expectation-value" label="The output includes (JSON object)" value={draft.json} onChange={(json) => set({ json })} error={errors.value} rows={6} />
      ) : null}

      {draft.kind === "human" ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
          A person grades each new output as pass or fail. The grade is remembered for that exact output, so the same answer from a later model version is not graded twice.
        </p>
      ) : null}
    </div>
  );
}

function ValueField({ id, label, value, onChange, outputKind, labels, error }: { id: string; label: string; value: string; onChange: (v: string) => void; outputKind: OutputKind; labels: string[]; error?: string }) {
  if (outputKind === "label" && labels.length > 0) {
    return (
      <Field id={id} label={label} error={error}>
        <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error || undefined}>
          <option value="">Choose a label…</option>
          {labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
          {value && !labels.includes(value) ? <option value={value}>{value} (not a label of this project)</option> : null}
        </Select>
      </Field>
    );
  }
  if (outputKind === "number") {
    return (
      <Field id={id} label={label} error={error}>
        <TextInput id={id} type="number" step="any" inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} invalid={!!error} />
      </Field>
    );
  }
  if (outputKind === "json") return <JsonTextarea id={id} label={`${label} (JSON)`} value={value} onChange={onChange} error={error} rows={4} />;
  return (
    <Field id={id} label={label} error={error}>
      <TextInput id={id} value={value} onChange={(e) => onChange(e.target.value)} invalid={!!error} />
    </Field>
  );
}

function OneOfFields({ draft, set, outputKind, labels, error }: { draft: ExpectationDraft; set: (p: Partial<ExpectationDraft>) => void; outputKind: OutputKind; labels: string[]; error?: string }) {
  if (outputKind === "label" && labels.length > 0) {
    return (
      <fieldset aria-describedby={error ? "expectation-values-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Any of these labels passes</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {labels.map((l) => (
            <label key={l} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                checked={draft.values.includes(l)}
                onChange={(e) => set({ values: e.target.checked ? labels.filter((x) => x === l || draft.values.includes(x)) : draft.values.filter((x) => x !== l) })}
              />
              {l}
            </label>
          ))}
        </div>
        {error ? <p id="expectation-values-error" role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
      </fieldset>
    );
  }
  const values = draft.values.length ? draft.values : [""];
  return (
    <fieldset aria-describedby={error ? "expectation-values-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">Any of these values passes{outputKind === "json" ? " (one JSON value each)" : ""}</legend>
      <ul className="mt-2 space-y-2">
        {values.map((value, i) => (
          <li key={i} className="flex gap-2">
            <TextInput
              aria-label={`Value ${i + 1}`}
              id={`expectation-values-${i}`}
              type={outputKind === "number" ? "number" : "text"}
              step="any"
              value={value}
              className={outputKind === "json" ? "font-mono" : ""}
              onChange={(e) => set({ values: values.map((v, j) => (j === i ? e.target.value : v)) })}
            />
            <button type="button" className="rounded-md px-2 text-sm text-slate-600 ring-1 ring-inset ring-slate-300 hover:bg-slate-50" onClick={() => set({ values: values.filter((_, j) => j !== i) })} aria-label={`Remove value ${i + 1}`}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="mt-2 text-sm font-medium text-blue-700 hover:underline" onClick={() => set({ values: [...values, ""] })}>
        + Add a value
      </button>
      {error ? <p id="expectation-values-error" role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

function MatchesField({ pattern, onChange, error }: { pattern: string; onChange: (v: string) => void; error?: string }) {
  const problem = pattern ? regexError(pattern) : null;
  return (
    <Field id="expectation-pattern" label="Regular expression (JavaScript syntax)" error={error}>
      <TextInput id="expectation-pattern" value={pattern} onChange={(e) => onChange(e.target.value)} invalid={!!error || !!problem} className="font-mono" spellCheck={false} placeholder="^(refund|return)" />
      {!error && pattern ? (
        <p aria-live="polite" className={`text-xs ${problem ? "text-red-700" : "text-emerald-700"}`}>
          {problem ? `Not a valid regular expression: ${problem}` : "✓ Valid regular expression"}
        </p>
      ) : null}
    </Field>
  );
}

/** A JSON textarea that says, as you type, whether the JSON parses (live, politely) and shows the server's error under it. */
export function JsonTextarea({ id, label, value, onChange, error, rows = 8 }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; rows?: number }) {
  let parseError: string | null = null;
  try {
    JSON.parse(value);
  } catch (e) {
    parseError = (e as Error).message;
  }
  return (
    <Field id={id} label={label} error={error}>
      <textarea
        id={id}
        rows={rows}
        value={value}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error || !!parseError || undefined}
        aria-describedby={`${id}-status`}
        className={textareaClass}
      />
      {!error ? (
        <p id={`${id}-status`} aria-live="polite" className={`text-xs ${parseError ? "text-red-700" : "text-slate-500"}`}>
          {parseError ? `Not valid JSON: ${parseError}` : "Valid JSON"}
        </p>
      ) : null}
    </Field>
  );
}
