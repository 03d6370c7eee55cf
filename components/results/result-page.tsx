import Link from "next/link";
import { VerdictBadge } from "@/components/models/verdict-badge";
import { PatternInputView } from "@/components/patterns/pattern-input-view";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { formatDateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import { describeExpectation } from "@/lib/patterns/describe-expectation";
import type { ProjectResult } from "@/lib/results/find-project-result";

/** One result: the pattern's input, what was expected and what the model answered, side by side. */
export function ResultPage({ project, result }: { project: { slug: string }; result: ProjectResult }) {
  const base = `/projects/${project.slug}`;
  const problemHref = `${base}/problems/${encodeURIComponent(result.problem.key)}`;
  return (
    <>
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb" className="flex flex-wrap gap-1">
            <Link href={problemHref} className="hover:underline">
              {result.problem.key} {result.problem.title}
            </Link>
            <span aria-hidden="true">/</span>
            <Link href={`${base}/patterns/${result.pattern.id}`} className="hover:underline">
              {result.pattern.name}
            </Link>
          </nav>
        }
        title={
          <>
            {result.pattern.name} on {modelVersionLabel(result.modelVersion)}
          </>
        }
      />
      {!result.current ? (
        <div role="status" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          This result belongs to revision {result.patternRevision.number}
          {result.pattern.archivedAt ? " of an archived pattern" : ", which is no longer the pattern's current one"}: it does not count
          towards today&apos;s error rate.
        </div>
      ) : null}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-3">
        <Card title="Input">
          <PatternInputView
            inputKind={result.patternRevision.inputKind}
            input={result.patternRevision.input}
            attachmentId={result.patternRevision.attachmentId}
            label={`Input of ${result.pattern.name}`}
          />
        </Card>
        <Card title="Expected">
          <p className="text-lg font-medium text-slate-900" data-testid="result-expected">
            {describeExpectation(result.expectation)}
          </p>
        </Card>
        <Card title="Output">
          {result.output === null ? (
            <p className="text-slate-500">No output{result.errorReason ? "" : " recorded"}.</p>
          ) : (
            <pre
              data-testid="result-output"
              className="max-h-[480px] overflow-auto rounded-md bg-slate-50 px-3 py-2 font-mono text-xs whitespace-pre-wrap break-words text-slate-900 ring-1 ring-slate-200 ring-inset"
            >
              {typeof result.output === "string" ? result.output : JSON.stringify(result.output, null, 2)}
            </pre>
          )}
          {result.errorReason ? <p className="mt-2 text-sm text-amber-900">Error: {result.errorReason}</p> : null}
        </Card>
      </div>
      <Card className="mt-6">
        <DescriptionList
          items={[
            { label: "Verdict", value: <VerdictBadge verdict={result.verdict} /> },
            {
              label: "Model version",
              value: (
                <Link href={`${base}/models/${result.modelVersion.id}`} className="text-blue-700 hover:underline">
                  {modelVersionLabel(result.modelVersion)}
                </Link>
              ),
            },
            { label: "Revision", value: <Badge>rev {result.patternRevision.number}</Badge> },
            { label: "Latency", value: result.latencyMs === null ? "—" : `${result.latencyMs} ms` },
            { label: "Recorded", value: formatDateTime(result.updatedAt) },
          ]}
        />
      </Card>
    </>
  );
}
