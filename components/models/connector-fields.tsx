"use client";
import { Button, Field, Select, TextInput } from "@/components/ui/form-controls";
import { CONNECTOR_KINDS, connectorKind, type ConnectorKindName } from "@/lib/connectors/connector-kinds";
import { connectorFormFields, newConnectorDraft, takesHeaders, type ConnectorDraft, type ConnectorFormField } from "./connector-draft";

const textareaClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 aria-[invalid=true]:border-red-600";

type ConnectorFieldsProps = {
  draft: ConnectorDraft;
  onChange: (draft: ConnectorDraft) => void;
  /** The message for one connector field ("baseUrl", "headers", "connectorSecrets", "kind"). */
  error: (name: string) => string | undefined;
  /** Editing: the kind of a registered model version stays. */
  kindLocked?: boolean;
};

/** The connector part of the model version form: a kind picker and the fields that kind takes. */
export function ConnectorFields({ draft, onChange, error, kindLocked }: ConnectorFieldsProps) {
  const specs = connectorFormFields(draft.kind);
  const main = specs.filter((s) => !s.advanced);
  const advanced = specs.filter((s) => s.advanced);
  const kindInfo = connectorKind(draft.kind);
  const setField = (name: string, value: string) => onChange({ ...draft, fields: { ...draft.fields, [name]: value } });

  return (
    <div className="space-y-4">
      <Field
        id="connector-kind"
        label="Connector"
        error={error("kind")}
        hint={kindLocked ? `${kindInfo.description} The kind stays; register a new model version for another kind.` : kindInfo.description}
      >
        <Select
          id="connector-kind"
          value={draft.kind}
          disabled={kindLocked}
          className="disabled:bg-slate-50 disabled:text-slate-500"
          onChange={(e) => onChange(newConnectorDraft(e.target.value as ConnectorKindName, draft))}
        >
          {CONNECTOR_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.kind} — {k.label}
            </option>
          ))}
        </Select>
      </Field>

      <div className="grid gap-4 sm:grid-cols-2">
        {main.map((spec) => (
          <SpecField key={`${draft.kind}-${spec.name}`} spec={spec} value={draft.fields[spec.name] ?? ""} onChange={(v) => setField(spec.name, v)} error={error(spec.name)} />
        ))}
      </div>

      {advanced.length ? (
        <details className="group rounded-md border border-slate-200 bg-slate-50/60 px-3 py-2" open={advanced.some((s) => error(s.name)) || undefined}>
          <summary className="cursor-pointer text-sm font-medium text-slate-800">More options</summary>
          <div className="mt-3 grid gap-4 pb-2 sm:grid-cols-2">
            {advanced.map((spec) => (
              <SpecField key={`${draft.kind}-${spec.name}`} spec={spec} value={draft.fields[spec.name] ?? ""} onChange={(v) => setField(spec.name, v)} error={error(spec.name)} />
            ))}
          </div>
        </details>
      ) : null}

      {takesHeaders(draft.kind) ? (
        <>
          <HeadersEditor draft={draft} onChange={onChange} error={error("headers")} />
          <SecretsEditor draft={draft} onChange={onChange} error={error} />
        </>
      ) : null}
    </div>
  );
}

function SpecField({ spec, value, onChange, error }: { spec: ConnectorFormField; value: string; onChange: (v: string) => void; error?: string }) {
  const id = `connector-${spec.name}`;
  const label = spec.required ? spec.label : `${spec.label}${spec.type === "select" ? "" : " (optional)"}`;
  const wide = spec.type === "textarea" || spec.type === "json" || spec.type === "labels";
  let control;
  if (spec.type === "select") {
    control = (
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {spec.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    );
  } else if (spec.type === "textarea" || spec.type === "json" || spec.type === "labels") {
    control = (
      <textarea
        id={id}
        rows={spec.type === "labels" ? 2 : 4}
        value={value}
        placeholder={spec.placeholder}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={textareaClass}
      />
    );
  } else {
    control = (
      <TextInput
        id={id}
        type={spec.type === "number" ? "number" : spec.type === "url" ? "url" : "text"}
        inputMode={spec.type === "number" ? "numeric" : undefined}
        value={value}
        placeholder={spec.placeholder}
        required={spec.required}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        invalid={!!error}
        className={spec.type === "url" || spec.name.toLowerCase().includes("path") ? "font-mono" : ""}
      />
    );
  }
  return (
    <div className={wide ? "sm:col-span-2" : ""}>
      <Field id={id} label={label} error={error} hint={spec.hint}>
        {control}
      </Field>
    </div>
  );
}

function HeadersEditor({ draft, onChange, error }: { draft: ConnectorDraft; onChange: (d: ConnectorDraft) => void; error?: string }) {
  const rows = draft.headers;
  const setRow = (i: number, patch: Partial<(typeof rows)[number]>) => onChange({ ...draft, headers: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Request headers (optional)</legend>
      <p className="text-xs text-slate-500">
        Values may use <code>{"{{secret.NAME}}"}</code> for a secret below{draft.kind === "http" ? <> and <code>{"{{input.field}}"}</code></> : null}, e.g. <code>{"Bearer {{secret.token}}"}</code>.
      </p>
      {rows.map((row, i) => (
        <div key={i} className="grid grid-cols-[1fr_auto] gap-2 sm:grid-cols-[12rem_1fr_auto]">
          <TextInput aria-label={`Header ${i + 1} name`} placeholder="Authorization" value={row.name} onChange={(e) => setRow(i, { name: e.target.value })} className="font-mono" />
          <TextInput
            aria-label={`Header ${i + 1} value`}
            placeholder="Bearer {{secret.token}}"
            value={row.value}
            onChange={(e) => setRow(i, { value: e.target.value })}
            className="col-span-2 row-start-2 font-mono sm:col-span-1 sm:row-start-auto"
          />
          <Button type="button" tone="secondary" className="col-start-2 row-start-1 sm:col-start-auto sm:row-start-auto" onClick={() => onChange({ ...draft, headers: rows.filter((_, j) => j !== i) })}>
            Remove<span className="sr-only"> header {i + 1}</span>
          </Button>
        </div>
      ))}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="button" tone="secondary" onClick={() => onChange({ ...draft, headers: [...rows, { name: "", value: "" }] })}>
        Add header
      </Button>
    </fieldset>
  );
}

function SecretsEditor({ draft, onChange, error }: { draft: ConnectorDraft; onChange: (d: ConnectorDraft) => void; error: (name: string) => string | undefined }) {
  const rows = draft.secrets;
  const setRow = (i: number, patch: Partial<(typeof rows)[number]>) => onChange({ ...draft, secrets: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const general = error("connectorSecrets");
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Secrets</legend>
      <p className="text-xs text-slate-500">
        {draft.kind === "openai"
          ? `API keys and tokens, stored encrypted and never shown again. The secret named "${draft.fields.apiKeySecret || "apiKey"}" is sent as Authorization: Bearer …; leave it empty for servers without a key.`
          : "API keys and tokens, stored encrypted and never shown again. Refer to them in header values as {{secret.NAME}}."}
      </p>
      {rows.map((row, i) => {
        const rowError = row.name ? error(`connectorSecrets.${row.name}`) : undefined;
        return (
          <div key={i} className="space-y-1">
            <div className="grid grid-cols-[1fr_auto] gap-2 sm:grid-cols-[12rem_1fr_auto]">
              <TextInput
                aria-label={`Secret ${i + 1} name`}
                placeholder="token"
                value={row.name}
                readOnly={row.stored}
                onChange={(e) => setRow(i, { name: e.target.value })}
                className={`font-mono ${row.stored ? "bg-slate-50" : ""}`}
              />
              <TextInput
                id={`secret-${i}`}
                type="password"
                autoComplete="new-password"
                aria-label={row.name ? `Secret ${row.name} value` : `Secret ${i + 1} value`}
                placeholder={row.stored ? (row.remove ? "will be removed" : "unchanged — type to replace") : "value"}
                value={row.value}
                disabled={row.remove}
                onChange={(e) => setRow(i, { value: e.target.value })}
                invalid={!!rowError}
                className="col-span-2 row-start-2 sm:col-span-1 sm:row-start-auto"
              />
              <Button
                type="button"
                tone="secondary"
                className="col-start-2 row-start-1 sm:col-start-auto sm:row-start-auto"
                onClick={() => (row.stored ? setRow(i, { remove: !row.remove, value: "" }) : onChange({ ...draft, secrets: rows.filter((_, j) => j !== i) }))}
              >
                {row.stored && row.remove ? "Keep" : "Remove"}
                <span className="sr-only"> secret {row.name || i + 1}</span>
              </Button>
            </div>
            {rowError ? (
              <p id={`secret-${i}-error`} role="alert" className="text-sm text-red-700">
                {row.name}: {rowError}
              </p>
            ) : null}
          </div>
        );
      })}
      {general ? (
        <p role="alert" className="text-sm text-red-700">
          {general}
        </p>
      ) : null}
      <Button type="button" tone="secondary" onClick={() => onChange({ ...draft, secrets: [...rows, { name: "", value: "", stored: false, remove: false }] })}>
        Add secret
      </Button>
    </fieldset>
  );
}
