"use client";
import Link from "next/link";
import { useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { Badge } from "@/components/ui/badge";
import { Button, Field, InlineError, Select } from "@/components/ui/form-controls";
import { testModelConnection, testUnsavedConnector, type TestModelConnectionResult, type TestUnsavedConnectorBody } from "@/lib/api-client/models";
import { VerdictBadge } from "./verdict-badge";

const preClass = "max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-900 px-3 py-2 font-mono text-xs leading-relaxed text-slate-100";

/** Sends the project's first pattern to the model version and shows what happened, raw exchange included (secrets masked). */
export function TestConnectionPanel({ modelVersionId, projectSlug }: { modelVersionId: string; projectSlug: string }) {
  const form = useApiForm();
  const [result, setResult] = useState<TestModelConnectionResult | null>(null);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          tone="secondary"
          disabled={form.pending}
          onClick={() =>
            void form.run(async () => {
              setResult(null);
              setResult(await testModelConnection(modelVersionId));
            })
          }
        >
          {form.pending ? "Calling the model…" : "Test connection"}
        </Button>
        <p className="text-xs text-slate-500">Sends one pattern and records nothing.</p>
      </div>
      <InlineError message={form.error?.message} />
      {result ? <TestConnectionResultView result={result} projectSlug={projectSlug} /> : null}
    </div>
  );
}

/** The connector being registered, as the form has it: null when the form shows what to fix first. */
type DraftConnector = Pick<TestUnsavedConnectorBody, "connector" | "connectorSecrets" | "timeoutMs">;

type DraftTestConnectionProps = {
  project: { id: string; slug: string };
  /** Current patterns to pick from (the first is what "the project's first pattern" means). */
  patterns: { id: string; name: string; problemKey: string }[];
  /** Builds the connector from the form; null (with the form's messages shown) when it is not valid yet. */
  connector: () => DraftConnector | null;
  /** An API error about the connector's fields: the form shows it beside them. */
  onFieldErrors: (error: ReturnType<typeof useApiForm>["error"]) => void;
};

/** Test connection on the register form: the unsaved connector with a free-text sample or a pattern of the project. */
export function DraftTestConnection({ project, patterns, connector, onFieldErrors }: DraftTestConnectionProps) {
  const form = useApiForm();
  const [result, setResult] = useState<TestModelConnectionResult | null>(null);
  const [source, setSource] = useState<"sample" | "pattern">(patterns.length ? "pattern" : "sample");
  const [sample, setSample] = useState("");
  const [patternId, setPatternId] = useState(patterns[0]?.id ?? "");
  const sampleError = form.fieldError("sampleInput");
  const test = () => {
    const draft = connector();
    if (!draft) return;
    setResult(null);
    void form.run(async () => {
      try {
        setResult(await testUnsavedConnector(project.id, { ...draft, ...(source === "sample" ? { sampleInput: sample } : { patternId }) }));
        onFieldErrors(null);
      } catch (error) {
        onFieldErrors(error as ReturnType<typeof useApiForm>["error"]);
        throw error;
      }
    });
  };
  return (
    <div className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Send</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="test-source" value="pattern" checked={source === "pattern"} onChange={() => setSource("pattern")} disabled={!patterns.length} />
            A pattern of the project
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="test-source" value="sample" checked={source === "sample"} onChange={() => setSource("sample")} />
            A sample input (free text)
          </label>
        </div>
      </fieldset>
      {source === "pattern" ? (
        <Field id="test-pattern" label="Pattern" hint={patterns.length ? "Its expectation judges the answer." : "The project has no patterns yet: send a sample input."}>
          <Select id="test-pattern" value={patternId} onChange={(e) => setPatternId(e.target.value)}>
            {patterns.map((p) => (
              <option key={p.id} value={p.id}>
                {p.problemKey} · {p.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field id="test-sample" label="Sample input" error={sampleError} hint="Sent as a text input, the way a text pattern is; no expectation judges it.">
          <textarea
            id="test-sample"
            rows={3}
            value={sample}
            onChange={(e) => setSample(e.target.value)}
            aria-invalid={!!sampleError || undefined}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30"
          />
        </Field>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" tone="secondary" disabled={form.pending} onClick={test}>
          {form.pending ? "Calling the model…" : "Test connection"}
        </Button>
        <p className="text-xs text-slate-500">Calls the model with the connector above; saves nothing.</p>
      </div>
      <InlineError
        message={form.error ? `${form.error.message}${form.error.fields.length ? ` ${form.error.fields.map((f) => `${f.path.replace(/^body\./, "")}: ${f.message}`).join("; ")}` : ""}` : null}
      />
      {result ? <TestConnectionResultView result={result} projectSlug={project.slug} /> : null}
    </div>
  );
}

/** What one test call did: OK or failed, latency, the pattern sent, output and verdict or the reason, and the raw exchange. */
function TestConnectionResultView({ result, projectSlug }: { result: TestModelConnectionResult; projectSlug: string }) {
  return (
    <div className="space-y-3" aria-live="polite" data-testid="test-connection-result">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        {result.ok ? <Badge tone="green">Connection OK</Badge> : <Badge tone="red">Connection failed</Badge>}
        <span className="tabular-nums text-slate-700">{result.latencyMs} ms</span>
        {result.pattern ? (
          <span className="text-slate-600">
            pattern{" "}
            <Link href={`/projects/${projectSlug}/patterns/${result.pattern.id}`} className="font-medium text-blue-700 hover:underline">
              {result.pattern.name}
            </Link>
          </span>
        ) : (
          <span className="text-slate-600">sample input</span>
        )}
      </div>
      {result.ok ? (
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-600">Output</dt>
          <dd className="min-w-0 break-words font-mono text-xs text-slate-900">{JSON.stringify(result.output)}</dd>
          <dt className="font-medium text-slate-600">Verdict</dt>
          <dd>
            <VerdictBadge verdict={result.verdict} />
          </dd>
        </dl>
      ) : (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {result.reason}
          {result.transient ? " (transient: a replay would retry it)" : ""}
        </p>
      )}
      {result.exchange ? (
        <details className="rounded-md border border-slate-200">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">Raw request and response</summary>
          <div className="space-y-3 border-t border-slate-200 px-3 py-3">
            <div className="space-y-1">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Request</h3>
              <p className="break-all font-mono text-xs text-slate-800">
                {result.exchange.request.method} {result.exchange.request.url}
              </p>
              <pre className={preClass} aria-label="Request headers">
                {JSON.stringify(result.exchange.request.headers, null, 2)}
              </pre>
              <pre className={preClass} aria-label="Request body">
                {JSON.stringify(result.exchange.request.body, null, 2)}
              </pre>
            </div>
            <div className="space-y-1">
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                Response{result.exchange.response?.status != null ? ` · HTTP ${result.exchange.response.status}` : ""}
              </h3>
              {result.exchange.response ? (
                <pre className={preClass} aria-label="Response body">
                  {typeof result.exchange.response.body === "string" ? result.exchange.response.body : JSON.stringify(result.exchange.response.body, null, 2)}
                </pre>
              ) : (
                <p className="text-sm text-slate-600">No response.</p>
              )}
            </div>
          </div>
        </details>
      ) : null}
    </div>
  );
}
