import Link from "next/link";
import { ApiActionButton } from "@/components/settings/api-action-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { formatDateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { PatternResultsCard } from "@/components/results/pattern-results-card";
import type { PatternHistoryEntry } from "@/lib/patterns/build-pattern-history";
import { describeExpectation } from "@/lib/patterns/describe-expectation";
import type { PatternResource } from "@/lib/patterns/pattern-resource";
import type { PatternResultEntry } from "@/lib/results/list-pattern-results";
import { OriginBadge, PurposeBadge } from "./pattern-badges";
import { PatternInputView } from "./pattern-input-view";
import { RevisionHistory, type RevisionItem } from "./revision-history";

type PatternPageProps = {
  project: { slug: string };
  problem: { key: string; title: string };
  pattern: PatternResource;
  history: PatternHistoryEntry<RevisionItem>[];
  results: PatternResultEntry[];
  canWrite: boolean;
};

const INPUT_KIND_WORDS = { json: "JSON", text: "Text", image: "Image" } as const;

export function PatternPage({ project, problem, pattern, history, results, canWrite }: PatternPageProps) {
  const base = `/projects/${project.slug}`;
  const problemHref = `${base}/problems/${encodeURIComponent(problem.key)}`;
  return (
    <>
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb" className="flex flex-wrap gap-1">
            <Link href={`${base}/problems`} className="hover:underline">
              Problems
            </Link>
            <span aria-hidden="true">/</span>
            <Link href={problemHref} className="hover:underline">
              {problem.key} {problem.title}
            </Link>
          </nav>
        }
        title={pattern.name}
        actions={
          canWrite && !pattern.archivedAt ? (
            <>
              <Link
                href={`${base}/patterns/${pattern.id}/edit`}
                className="inline-flex items-center rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2"
              >
                Edit pattern
              </Link>
              <ApiActionButton
                action={{ name: "archivePattern", args: [pattern.id] }}
                label="Archive"
                confirm={`Archive “${pattern.name}”? It leaves the problem's current pattern set; its history and results are kept.`}
              />
            </>
          ) : null
        }
      />

      {pattern.archivedAt ? (
        <div role="status" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Archived {formatDateTime(pattern.archivedAt)}. It no longer counts towards {problem.key}&apos;s error rate; its history is kept below.
        </div>
      ) : null}

      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title={`Input · ${INPUT_KIND_WORDS[pattern.inputKind]}`}>
            <PatternInputView inputKind={pattern.inputKind} input={pattern.input} attachmentId={pattern.attachmentId} label={`Input of ${pattern.name}`} />
          </Card>
          <Card title="Expected output">
            <p className="text-lg font-medium text-slate-900">{describeExpectation(pattern.expectation)}</p>
            {pattern.expectation.kind === "human" ? <p className="mt-1 text-sm text-slate-600">A person grades each new output; the grade is remembered for that exact output.</p> : null}
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Expectation JSON</summary>
              <pre className="mt-2 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 px-3 py-2 font-mono text-xs ring-1 ring-inset ring-slate-200">{JSON.stringify(pattern.expectation, null, 2)}</pre>
            </details>
          </Card>
        </div>
        <Card title="About">
          <DescriptionList
            items={[
              { label: "Purpose", value: <PurposeBadge purpose={pattern.purpose} /> },
              { label: "Origin", value: <OriginBadge origin={pattern.origin} /> },
              { label: "Revision", value: <Badge>rev {pattern.revision}</Badge> },
              { label: "Added", value: pattern.createdAt.toISOString().slice(0, 10) },
            ]}
          />
          <div className="mt-4">
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Notes</p>
            <p className="mt-0.5 whitespace-pre-wrap break-words text-sm text-slate-900">{pattern.notes || "—"}</p>
          </div>
        </Card>
      </div>

      <PatternResultsCard projectSlug={project.slug} results={results} />

      <Card
        className="mt-6"
        title="History"
        description="Editing the input or the expectation makes a new revision; results belong to the revision they were judged on. Name, purpose, origin and notes change in place, without a new revision; those edits are listed too."
      >
        <RevisionHistory entries={history} />
        {pattern.expectation.kind === "human" ? (
          <p className="mt-4 text-sm">
            {/* The grading queue holds current revisions only; older revisions' ungraded outputs are reached from here. */}
            <Link href={`${base}/grading?pattern=${encodeURIComponent(pattern.id)}`} className="font-medium text-blue-700 hover:underline">
              Ungraded outputs of every revision →
            </Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}
