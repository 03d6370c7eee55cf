"use client";
import Link from "next/link";
import { useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/form-controls";
import { testModelConnection, type TestModelConnectionResult } from "@/lib/api-client/models";
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
      {form.error ? (
        <p role="alert" className="text-sm text-red-700">
          {form.error.message}
        </p>
      ) : null}
      {result ? (
        <div className="space-y-3" aria-live="polite" data-testid="test-connection-result">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            {result.ok ? <Badge tone="green">Connection OK</Badge> : <Badge tone="red">Connection failed</Badge>}
            <span className="tabular-nums text-slate-700">{result.latencyMs} ms</span>
            <span className="text-slate-600">
              pattern{" "}
              <Link href={`/projects/${projectSlug}/patterns/${result.pattern.id}`} className="font-medium text-blue-700 hover:underline">
                {result.pattern.name}
              </Link>
            </span>
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
      ) : null}
    </div>
  );
}
