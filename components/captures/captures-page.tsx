import Link from "next/link";
import { ApiActionButton } from "@/components/settings/api-action-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import type { CaptureResource } from "@/lib/captures/capture.schema";
import type { CaptureDrift } from "@/lib/captures/capture-drift.schema";
import { CaptureDriftSection } from "./capture-drift-section";
import { TriageForm } from "./triage-form";

type CapturesPageProps = {
  project: { id: string; slug: string; labels: string[] };
  status: "inbox" | "triaged" | "dismissed";
  page: { items: CaptureResource[]; nextCursor: string | null };
  problems: { id: string; key: string; title: string }[];
  canTriage: boolean;
  /** The drift chart's weeks; shown above the inbox. */
  drift?: CaptureDrift;
  /** Where the drift threshold is set, for those who may change it. */
  settingsHref?: string | null;
};

const STATUSES = ["inbox", "triaged", "dismissed"] as const;

function expectationFor(capture: CaptureResource, labels: string[]): unknown {
  if (capture.output !== null && capture.output !== undefined) return { kind: "equals", value: capture.output };
  if (labels[0]) return { kind: "equals", value: labels[0] };
  return { kind: "human" };
}

function suggestedName(input: unknown): string {
  const text = typeof input === "string" ? input : typeof input === "object" && input && "text" in input && typeof input.text === "string" ? input.text : JSON.stringify(input);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return (
    <div className="min-w-0">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <pre className="mt-0.5 max-h-48 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-slate-200">{text}</pre>
    </div>
  );
}

export function CapturesPage({ project, status, page, problems, canTriage, drift, settingsHref = null }: CapturesPageProps) {
  const base = `/projects/${project.slug}/captures`;
  return (
    <>
      <PageHeader
        title="Captures"
        description={
          <>
            Production inputs sent with <code className="font-mono text-xs">POST /api/v1/projects/{project.id}/captures</code> (a token with the{" "}
            <em>capture</em> scope is enough). Turn the telling ones into patterns.
          </>
        }
      />
      {drift ? (
        <div className="mb-6">
          <CaptureDriftSection drift={drift} settingsHref={settingsHref} />
        </div>
      ) : null}
      <nav aria-label="Capture status" className="mb-4 flex gap-2">
        {STATUSES.map((s) => (
          <Link
            key={s}
            href={s === "inbox" ? base : `${base}?status=${s}`}
            aria-current={s === status ? "page" : undefined}
            className={`rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${s === status ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          >
            {s}
          </Link>
        ))}
      </nav>
      {page.items.length === 0 ? (
        <EmptyState title={status === "inbox" ? "The inbox is empty" : `No ${status} captures`}>
          {status === "inbox" ? "Production systems send inputs (and the model's output) here through the API." : null}
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Captures">
          {page.items.map((capture) => (
            <li key={capture.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600">
                <span>
                  Captured <time dateTime={capture.createdAt}>{formatDateTime(capture.createdAt)}</time>
                </span>
                {capture.status !== "inbox" ? (
                  <span className="flex items-center gap-2">
                    {capture.patternId ? (
                      <Link href={`/projects/${project.slug}/patterns/${capture.patternId}`} className="font-medium text-blue-700 hover:underline">
                        View pattern
                      </Link>
                    ) : null}
                    <Badge tone={capture.status === "triaged" ? "green" : "slate"}>{capture.status}</Badge>
                  </span>
                ) : null}
              </div>
              <div className="grid gap-3 md:grid-cols-3">
                <JsonBlock label="Input" value={capture.input} />
                <JsonBlock label="Production output" value={capture.output ?? "—"} />
                <JsonBlock label="Metadata" value={capture.metadata ?? "—"} />
              </div>
              {capture.note || capture.rating !== null ? (
                <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-700">
                  {capture.rating !== null ? <span className="font-medium text-slate-900">Rating {capture.rating}. </span> : null}
                  {capture.note}
                </p>
              ) : null}
              {canTriage && capture.status === "inbox" ? (
                <div className="mt-3 flex flex-wrap items-start gap-2">
                  <TriageForm captureId={capture.id} problems={problems} expectation={expectationFor(capture, project.labels)} suggestedName={suggestedName(capture.input)} />
                  <ApiActionButton action={{ name: "dismissCapture", args: [capture.id] }} label="Dismiss" tone="secondary" />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor ? (
        <nav aria-label="Pages" className="mt-4 text-right text-sm">
          <Link href={`${base}?status=${status}&cursor=${page.nextCursor}`} className="font-medium text-blue-700 hover:underline">
            Older captures →
          </Link>
        </nav>
      ) : null}
    </>
  );
}
