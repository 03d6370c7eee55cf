"use client";
import Link from "next/link";
import { useState } from "react";
import { useApiForm } from "@/components/auth/use-api-form";
import { PurposeBadge } from "@/components/patterns/pattern-badges";
import { PatternInputView } from "@/components/patterns/pattern-input-view";
import { Button, FormError } from "@/components/ui/form-controls";
import { EmptyState } from "@/components/ui/empty-state";
import { gradeOutput } from "@/lib/api-client/grades";
import type { GradingQueueItem } from "@/lib/grading/list-grading-queue-items";
import { PURPOSE_MEANING } from "@/lib/patterns/pattern-purpose";


/** The ungraded outputs; a graded one leaves the list at once (the others keep what is typed in them). */
export function GradingQueue({ projectSlug, items: initial }: { projectSlug: string; items: GradingQueueItem[] }) {
  const [items, setItems] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  return (
    <div className="space-y-4">
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {items.length > 0 ? (
        <p className="text-sm text-slate-600">
          {items.length} output{items.length === 1 ? "" : "s"} to grade
        </p>
      ) : null}
      {items.length === 0 ? (
        <EmptyState title="Nothing to grade">
          Outputs of patterns with a <code>human</code> expectation appear here after a replay, once per distinct output.
        </EmptyState>
      ) : (
        items.map((item) => (
          <GradeCard
            key={item.id}
            projectSlug={projectSlug}
            item={item}
            onGraded={(verdict) => {
              setItems((all) => all.filter((i) => i.id !== item.id));
              setAnnouncement(`Graded “${item.patternName}” as ${verdict}.`);
            }}
          />
        ))
      )}
    </div>
  );
}

function GradeCard({ projectSlug, item, onGraded }: { projectSlug: string; item: GradingQueueItem; onGraded: (verdict: "pass" | "fail") => void }) {
  const form = useApiForm();
  const [comment, setComment] = useState("");
  const base = `/projects/${projectSlug}`;
  const commentId = `comment-${item.id}`;
  const grade = (verdict: "pass" | "fail") =>
    void form.run(async () => {
      await gradeOutput({ patternRevisionId: item.patternRevisionId, outputHash: item.outputHash, verdict, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      onGraded(verdict);
    });

  return (
    <article aria-labelledby={`title-${item.id}`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 px-4 py-3 sm:px-5">
        <div className="min-w-0">
          <h2 id={`title-${item.id}`} className="text-base font-semibold text-slate-900">
            <Link href={`${base}/patterns/${item.patternId}`} className="hover:underline">
              {item.patternName}
            </Link>
          </h2>
          <p className="text-sm text-slate-600">
            <Link href={`${base}/problems/${encodeURIComponent(item.problem.key)}`} className="font-medium text-blue-700 hover:underline">
              {item.problem.key}
            </Link>{" "}
            {item.problem.title} · revision {item.revision}
            {item.current ? null : " (no longer current: does not count)"}
          </p>
        </div>
        <PurposeBadge purpose={item.purpose} />
      </header>
      <div className="grid gap-4 px-4 py-4 sm:px-5 lg:grid-cols-2">
        <div className="min-w-0 space-y-3">
          <div>
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">Input</h3>
            <PatternInputView inputKind={item.inputKind} input={item.input} attachmentId={item.attachmentId} />
          </div>
          <div>
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">What to look for</h3>
            {item.notes ? (
              <p className="whitespace-pre-wrap text-sm text-slate-900">{item.notes}</p>
            ) : (
              <p className="text-sm text-slate-500">The pattern has no notes.</p>
            )}
            <p className="mt-1 text-xs text-slate-500">{PURPOSE_MEANING[item.purpose]}</p>
          </div>
        </div>
        <div className="min-w-0 space-y-3">
          <div>
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">Model output</h3>
            {typeof item.output === "string" ? (
              <p className="whitespace-pre-wrap break-words rounded-md bg-amber-50 px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-amber-200">{item.output}</p>
            ) : (
              <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md bg-amber-50 px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-inset ring-amber-200">
                {JSON.stringify(item.output, null, 2)}
              </pre>
            )}
            <p className="mt-1 text-xs text-slate-600">
              Given by {item.modelVersions.map((m) => `${m.name} ${m.version}`).join(", ") || "a model version"}; the grade applies to each.
            </p>
          </div>
          <div className="space-y-1">
            <label htmlFor={commentId} className="block text-sm font-medium text-slate-800">
              Comment (optional)
            </label>
            <textarea
              id={commentId}
              rows={2}
              maxLength={4000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30"
            />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Button type="button" disabled={form.pending} onClick={() => grade("pass")} className="bg-emerald-700 hover:bg-emerald-800 disabled:bg-emerald-300">
              Pass
            </Button>
            <Button type="button" tone="danger" disabled={form.pending} onClick={() => grade("fail")}>
              Fail
            </Button>
            {form.pending ? <span className="text-sm text-slate-600">Saving…</span> : null}
          </div>
          <FormError message={form.error?.message} />
        </div>
      </div>
    </article>
  );
}
