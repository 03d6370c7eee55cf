import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, ModelStatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { ErrorRateCell } from "@/components/dashboard/error-rate-cell";
import { GateStatus } from "@/components/gate/gate-status";
import type { GateResource } from "@/lib/gate/gate.schema";
import { connectorKind, type ConnectorKindName } from "@/lib/connectors/connector-kinds";
import { isHttpUrl } from "@/lib/models/model-version-fields.schema";
import type { Severity } from "@/lib/db/generated/enums";
import type { Baseline } from "@/lib/results/choose-baseline";
import type { ErrorRate } from "@/lib/results/list-error-rates";
import { formatTarget } from "@/lib/format/format-percent";
import { formatPValue } from "@/lib/format/format-p-value";
import type { ProblemComparison } from "@/lib/results/compare-model-versions";
import { ComparisonVerdictBadge } from "@/components/compare/comparison-verdict-badge";
import { ProblemLabel } from "@/components/problems/problem-label";
import { MODEL_RESULT_FILTERS, type ModelResultFilter, type ModelResultRow } from "@/lib/results/list-model-results-table";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import { describeExpectation } from "@/lib/patterns/describe-expectation";
import type { UnlabelledOutputs } from "@/lib/models/summarise-unlabelled-outputs";
import type { ModelVersionResource } from "@/lib/models/model-version-resource";
import type { OutputDistributionView } from "@/lib/models/get-output-distribution-view";
import { ArtifactUpload } from "./artifact-upload";
import { connectorSummary, takesHeaders } from "./connector-draft";
import { ageText } from "./model-versions-page";
import { outputText } from "./output-text";
import { OutputDistributionSection } from "./output-distribution-section";
import { ReplayPanel } from "./replay-panel";
import { MeasurementSummaryText } from "@/components/results/measurement-summary";
import { summariseMeasurements } from "@/lib/results/measurement";
import type { ModelVersionStanding } from "@/lib/results/get-model-version-standing";
import { StatusChanger } from "./status-changer";
import { TestConnectionPanel } from "./test-connection-panel";
import { VerdictBadge } from "./verdict-badge";
import { NowTestTimeline } from "@/components/now-tests/now-test-timeline";
import type { NowTestTimelineEntry } from "@/lib/now-tests/list-now-test-timeline";

type ModelVersionPageProps = {
  project: { id: string; slug: string };
  modelVersion: ModelVersionResource;
  /** The production version to compare with, unless this is it. */
  /** What this version is compared with (chooseBaseline): production, else the version before. */
  baseline: Baseline<{ id: string; name: string; version: string }> | null;
  /** The production version of the same name that "Make production" would retire. */
  currentProduction: { name: string; version: string } | null;
  rows: {
    problem: { id: string; key: string; title: string; severity: Severity; target: number };
    rate: ErrorRate | null;
    baselineRate: ErrorRate | null;
    /** Flips against the baseline with the exact McNemar p-value; null without a baseline. */
    comparison?: Pick<ProblemComparison, "fixed" | "broken" | "pValue" | "verdict"> | null;
  }[];
  /** Where the version stands over all current patterns (the replay panel). */
  standing: ModelVersionStanding;
  results: {
    rows: ModelResultRow[];
    counts: Record<ModelResultFilter, number>;
    total: number;
    filter: ModelResultFilter;
    page: number;
    pageSize: number;
  };
  /** Label projects: stored outputs that are not labels of the project (null: not a label project). */
  unlabelled: UnlabelledOutputs | null;
  permissions: { write: boolean; replay: boolean };
  now: Date;
  /** The release gate's evaluation of this version. */
  gate?: GateResource;
  /** The version's output distribution over the current pattern set. */
  outputs?: OutputDistributionView;
  /** The version's now-tests (after the release); shown for the production version or once it has any. */
  nowTests?: { entries: NowTestTimelineEntry[]; canRun: boolean };
};

const FILTER_LABEL: Record<ModelResultFilter, string> = { all: "All", pass: "Pass", fail: "Fail", error: "Error", ungraded: "Awaiting grade" };

export function ModelVersionPage({ project, modelVersion: v, baseline, currentProduction, rows, standing, results, unlabelled, permissions, now, gate, outputs, nowTests }: ModelVersionPageProps) {
  const base = `/projects/${project.slug}`;
  const kind = v.connectorKind as ConnectorKindName;
  const connector = { ...(v.connector as Record<string, unknown>), kind };
  const summary = connectorSummary(connector);
  const { upload } = connectorKind(kind);
  const needsFile = upload !== null && !v.artifact;
  const measurements = summariseMeasurements(rows.map((r) => ({ rate: r.rate, target: r.problem.target })));
  const errored = rows.reduce((sum, r) => sum + (r.rate?.errored ?? 0), 0);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`${base}/models`} className="hover:underline">
            Model versions
          </Link>
        }
        title={
          <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
            {modelVersionLabel(v)} <ModelStatusBadge status={v.status} />
          </span>
        }
        description={
          <>
            {v.trainedAt ? (
              <>
                <span className="font-medium text-slate-800">{ageText(v.trainedAt, now)}</span> · trained{" "}
                <time dateTime={v.trainedAt.toISOString()}>{v.trainedAt.toISOString().slice(0, 10)}</time>
              </>
            ) : (
              "Training date unknown"
            )}{" "}
            · registered <time dateTime={v.createdAt.toISOString()}>{v.createdAt.toISOString().slice(0, 10)}</time>
            {v.sourceUrl && isHttpUrl(v.sourceUrl) ? (
              <>
                {" "}
                ·{" "}
                <a href={v.sourceUrl} className="text-blue-700 hover:underline" rel="noreferrer" target="_blank">
                  training run
                </a>
              </>
            ) : null}
          </>
        }
        actions={
          permissions.write ? (
            <Link
              href={`${base}/models/${v.id}/edit`}
              className="inline-flex items-center rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            >
              Edit
            </Link>
          ) : null
        }
      />

      <div className="space-y-6">
        {unlabelled && unlabelled.unlabelled > 0 ? <UnlabelledOutputsWarning summary={unlabelled} /> : null}
        <div className="grid items-start gap-6 lg:grid-cols-3">
          <Card title="Details" className="lg:col-span-2">
            <div className="mb-4 min-w-0 border-b border-slate-100 pb-3">
              <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Connector</h3>
              <p className="mt-1 flex flex-wrap items-center gap-2">
                <Badge>{kind}</Badge>
                <code className="min-w-0 break-all text-xs text-slate-800">{summary}</code>
              </p>
            </div>
            <DescriptionList
              items={[
                ...(takesHeaders(kind) ? [{ label: "Secrets", value: <SecretNames names={v.secretKeys} /> }] : []),
                ...(upload
                  ? [
                      {
                        label: upload.fileLabel,
                        value: v.artifact ? (
                          <span>
                            {v.artifact.filename} <span className="text-slate-500">({formatBytes(v.artifact.byteSize)})</span>
                          </span>
                        ) : (
                          <Badge tone="amber">not uploaded</Badge>
                        ),
                      },
                    ]
                  : []),
                { label: "Artifact checksum", value: v.artifactChecksum ? <code className="break-all text-xs">{v.artifactChecksum}</code> : "—" },
                { label: "Replay limits", value: `${v.concurrency} parallel call${v.concurrency === 1 ? "" : "s"}, ${v.timeoutMs / 1000} s timeout` },
                {
                  label: "Source",
                  // Links written before sourceUrl was limited to http(s) are shown as text, never followed.
                  value: v.sourceUrl && isHttpUrl(v.sourceUrl) ? (
                    <a href={v.sourceUrl} className="break-all text-blue-700 hover:underline" rel="noreferrer" target="_blank">
                      {v.sourceUrl}
                    </a>
                  ) : (
                    v.sourceUrl ?? "—"
                  ),
                },
              ]}
            />
            <Metrics metrics={v.metrics} />
          </Card>

          <div className="space-y-6">
            {gate ? <GateStatus gate={gate} /> : null}
            <Card title="Replay">
              <ReplayPanel
                modelVersionId={v.id}
                standing={standing}
                canReplay={permissions.replay}
                replayBlockedReason={needsFile ? "Upload the model's file first." : null}
                renderedAt={now.toISOString()}
              />
            </Card>
            {permissions.write ? (
              <Card title="Status" description={`Now ${v.status}.`}>
                <StatusChanger
                  key={v.lockVersion}
                  modelVersion={{ id: v.id, name: v.name, version: v.version, status: v.status, lockVersion: v.lockVersion }}
                  currentProduction={currentProduction}
                />
              </Card>
            ) : null}
          </div>
        </div>

        {needsFile && permissions.write ? (
          <section aria-labelledby="upload-heading" className="space-y-2">
            <h2 id="upload-heading" className="text-base font-semibold text-slate-900">
              Upload the {upload?.noun}
            </h2>
            <ArtifactUpload modelVersionId={v.id} kind={kind} />
          </section>
        ) : null}

        {permissions.write && v.callable && !needsFile ? (
          <Card title="Connection" description="Calls the model with the project's first pattern: output, verdict, latency and the raw exchange.">
            <TestConnectionPanel modelVersionId={v.id} projectSlug={project.slug} />
          </Card>
        ) : null}

        <section aria-labelledby="per-problem-heading">
          <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="per-problem-heading" className="text-base font-semibold text-slate-900">
              Error rate per problem
            </h2>
            <p className="text-sm text-slate-600">
              <MeasurementSummaryText summary={measurements} />
              {errored > 0 ? ` · ${errored} errored call${errored === 1 ? "" : "s"}` : ""}
              {" · "}
              <Link href={`${base}/models/${v.id}/sign-off`} className="font-medium text-blue-700 hover:underline">
                Sign-off sheet
              </Link>
              {baseline ? (
                <>
                  {" · "}
                  <Link href={`${base}/models/${v.id}/compare`} className="font-medium text-blue-700 hover:underline">
                    Compare with {modelVersionLabel(baseline.modelVersion)} →
                  </Link>
                </>
              ) : null}
            </p>
          </div>
          {rows.length === 0 ? (
            <EmptyState title="No problems logged yet" />
          ) : (
            <Table aria-label={`Error rate per problem of ${modelVersionLabel(v)}`}>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>Problem</TableHeaderCell>
                  <TableHeaderCell className="text-right">Target</TableHeaderCell>
                  <TableHeaderCell className="text-right">This version</TableHeaderCell>
                  {baseline ? (
                    <TableHeaderCell className="text-right normal-case tracking-normal">{baseline.reason === "production" ? "Production" : "Previous"}: {modelVersionLabel(baseline.modelVersion)}</TableHeaderCell>
                  ) : null}
                  {baseline ? (
                    <>
                      <TableHeaderCell className="text-right">Fixed</TableHeaderCell>
                      <TableHeaderCell className="text-right">Broken</TableHeaderCell>
                      <TableHeaderCell className="normal-case">McNemar</TableHeaderCell>
                    </>
                  ) : null}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map(({ problem, rate, baselineRate, comparison }) => (
                  <TableRow key={problem.id}>
                    <TableHeaderCell scope="row" className="min-w-40 font-normal sm:min-w-56">
                      <ProblemLabel projectSlug={project.slug} problem={problem} />
                    </TableHeaderCell>
                    <TableCell className="text-right tabular-nums whitespace-nowrap">≤ {formatTarget(problem.target)}</TableCell>
                    <ErrorRateCell rate={rate} target={problem.target} testId={`rate-${problem.key}`} />
                    {baseline ? <ErrorRateCell rate={baselineRate} target={problem.target} /> : null}
                    {baseline ? <FlipCells comparison={comparison ?? null} testId={`mcnemar-${problem.key}`} /> : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>

        {outputs ? <OutputDistributionSection view={outputs} label={modelVersionLabel(v)} /> : null}
        {nowTests && (v.status === "production" || nowTests.entries.length > 0) ? (
          <Card title="Now-tests" description="The production version replayed again on every current pattern: outputs that changed although the version did not (a silent redeploy, a drifting upstream API), and problems that crossed their target.">
            <NowTestTimeline
              projectSlug={project.slug}
              modelVersionId={v.id}
              entries={nowTests.entries}
              canRun={nowTests.canRun}
              blockedReason={v.status === "production" ? null : "Only the production version is now-tested."}
            />
          </Card>
        ) : null}

        <ResultsSection base={base} modelVersionId={v.id} label={modelVersionLabel(v)} results={results} connectorRevision={v.connectorRevision} />
      </div>
    </>
  );
}

/** Fixed and broken counts against the baseline, and the exact McNemar verdict with its p-value. */
function FlipCells({ comparison, testId }: { comparison: NonNullable<ModelVersionPageProps["rows"][number]["comparison"]> | null; testId: string }) {
  if (!comparison) return <TableCell colSpan={3} className="text-center text-slate-400">—</TableCell>;
  return (
    <>
      <TableCell className="text-right tabular-nums">{comparison.fixed}</TableCell>
      <TableCell className={`text-right tabular-nums ${comparison.broken > 0 ? "font-semibold text-red-800" : ""}`}>{comparison.broken}</TableCell>
      <TableCell data-testid={testId} className="whitespace-nowrap">
        <ComparisonVerdictBadge verdict={comparison.verdict} /> <span className="text-xs tabular-nums text-slate-600">{formatPValue(comparison.pValue)}</span>
      </TableCell>
    </>
  );
}

function SecretNames({ names }: { names: string[] | null }) {
  if (names === null) return <span className="text-amber-800">sealed under another RATCHET_SECRET</span>;
  if (names.length === 0) return <>none</>;
  return (
    <span className="flex flex-wrap gap-1" title="Values are stored encrypted and never shown">
      {names.map((name) => (
        <code key={name} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
          {name}
        </code>
      ))}
    </span>
  );
}

function Metrics({ metrics }: { metrics: unknown }) {
  if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) return null;
  const entries = Object.entries(metrics as Record<string, unknown>);
  if (!entries.length) return null;
  return (
    <div className="mt-4 border-t border-slate-100 pt-3">
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Training metrics</h3>
      <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {entries.map(([key, value]) => (
          <div key={key} className="flex min-w-0 gap-1.5">
            <dt className="text-slate-600">{key}</dt>
            <dd className="break-all font-medium tabular-nums text-slate-900">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function ResultsSection({
  base,
  modelVersionId,
  label,
  results,
  connectorRevision,
}: {
  base: string;
  modelVersionId: string;
  label: string;
  results: ModelVersionPageProps["results"];
  /** The version's current connector configuration: results made with an earlier one are stale. */
  connectorRevision: number;
}) {
  const { filter, page, pageSize, total } = results;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (f: ModelResultFilter, p = 1) => {
    const params = new URLSearchParams();
    if (f !== "all") params.set("results", f);
    if (p > 1) params.set("page", String(p));
    const query = params.toString();
    return `${base}/models/${modelVersionId}${query ? `?${query}` : ""}#results-heading`;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <section aria-labelledby="results-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="results-heading" className="scroll-mt-4 text-base font-semibold text-slate-900">
          Results
        </h2>
        <p className="text-sm text-slate-600">Current revision of every pattern, by problem.</p>
      </div>
      <nav aria-label="Filter results by verdict" className="flex flex-wrap gap-2">
        {MODEL_RESULT_FILTERS.filter((f) => f === "all" || f === filter || results.counts[f] > 0).map((f) => (
          <Link
            key={f}
            href={href(f)}
            aria-current={f === filter ? "page" : undefined}
            className={`rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${
              f === filter ? "bg-blue-700 text-white ring-blue-700" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
            }`}
          >
            {FILTER_LABEL[f]} <span className="tabular-nums">{results.counts[f]}</span>
          </Link>
        ))}
      </nav>
      {results.rows.length === 0 ? (
        <EmptyState title={filter === "all" ? "No results yet" : `No ${FILTER_LABEL[filter].toLowerCase()} results`}>
          {filter === "all" ? "Results appear here as the replay runs." : null}
        </EmptyState>
      ) : (
        <>
          <ol aria-label={`Results of ${label}`} className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white sm:hidden">
            {results.rows.map((r) => (
              <li key={r.id} className="space-y-1 px-4 py-3">
                <div className="flex items-start justify-between gap-3">
                  <Link href={`${base}/patterns/${r.pattern.id}`} className="min-w-0 font-medium text-blue-700 hover:underline">
                    {r.pattern.name}
                  </Link>
                  <span className="flex flex-wrap justify-end gap-1">
                    <VerdictBadge verdict={r.verdict} />
                    {r.connectorRevision < connectorRevision ? <StaleBadge /> : null}
                  </span>
                </div>
                <p className="text-sm text-slate-600">
                  {r.problem.key}
                  {r.pattern.purpose === "control" ? " · control" : ""}
                  {r.latencyMs != null ? ` · ${r.latencyMs} ms` : ""}
                </p>
                <p className="break-words text-xs">
                  <span className="text-slate-500">expected </span>
                  <span className="text-slate-900">{describeExpectation(r.expectation)}</span>
                </p>
                {r.verdict === "error" ? (
                  <p className="text-sm text-amber-900">{r.errorReason ?? "error"}</p>
                ) : (
                  <p className="break-words text-xs">
                    <span className="text-slate-500">output </span>
                    <code className="text-slate-900">{outputText(r.output)}</code>
                  </p>
                )}
              </li>
            ))}
          </ol>
          <Table aria-label={`Results of ${label}`} containerClassName="hidden sm:block">
            <TableHead>
              <TableRow>
                <TableHeaderCell>Pattern</TableHeaderCell>
                <TableHeaderCell>Problem</TableHeaderCell>
                <TableHeaderCell>Expected</TableHeaderCell>
                <TableHeaderCell>Output</TableHeaderCell>
                <TableHeaderCell>Verdict</TableHeaderCell>
                <TableHeaderCell className="text-right">Latency</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {results.rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="min-w-48 max-w-72">
                    <Link href={`${base}/patterns/${r.pattern.id}`} className="font-medium text-blue-700 hover:underline">
                      {r.pattern.name}
                    </Link>
                    {r.pattern.purpose === "control" ? <span className="ml-1.5 text-xs text-slate-500">control</span> : null}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <Link href={`${base}/problems/${encodeURIComponent(r.problem.key)}`} className="text-slate-800 hover:underline">
                      {r.problem.key}
                    </Link>
                  </TableCell>
                  <TableCell className="min-w-32 max-w-64 break-words">{describeExpectation(r.expectation)}</TableCell>
                  <TableCell className="min-w-40 max-w-80">
                    {r.verdict === "error" ? (
                      <span className="text-amber-900">{r.errorReason ?? "error"}</span>
                    ) : (
                      <code className="break-words text-xs text-slate-900" title={typeof r.output === "string" ? r.output : JSON.stringify(r.output)}>
                        {outputText(r.output)}
                      </code>
                    )}
                  </TableCell>
                  <TableCell>
                    <span className="flex flex-wrap items-center gap-1">
                      <VerdictBadge verdict={r.verdict} />
                      {r.connectorRevision < connectorRevision ? <StaleBadge /> : null}
                    </span>
                  </TableCell>
                  <TableCell className="text-right tabular-nums whitespace-nowrap text-slate-600">{r.latencyMs != null ? `${r.latencyMs} ms` : "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {total > pageSize ? (
        <nav aria-label="Results pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="text-slate-600 tabular-nums">
            {first}–{last} of {total}
          </span>
          <span className="flex gap-2">
            <PageLink href={page > 1 ? href(filter, page - 1) : null}>Previous</PageLink>
            <PageLink href={page < pages ? href(filter, page + 1) : null}>Next</PageLink>
          </span>
        </nav>
      ) : null}
    </section>
  );
}

/** A result made with an earlier connector configuration: it stays until a replay replaces it. */
function StaleBadge() {
  return (
    <span title="Made with an earlier connector configuration: replay to refresh it">
      <Badge tone="amber">
        <span aria-hidden="true">⚠&nbsp;</span>stale<span className="sr-only"> — made with an earlier connector configuration</span>
      </Badge>
    </span>
  );
}

function PageLink({ href, children }: { href: string | null; children: ReactNode }) {
  const className = "rounded-md px-3 py-1.5 font-medium ring-1 ring-inset";
  if (!href) return <span className={`${className} text-slate-400 ring-slate-200`} aria-disabled="true">{children}</span>;
  return (
    <Link href={href} className={`${className} bg-white text-slate-800 ring-slate-300 hover:bg-slate-50`}>
      {children}
    </Link>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A replay stored outputs that no expectation of a label project can match: the error rates of this version are not to be trusted. */
function UnlabelledOutputsWarning({ summary }: { summary: UnlabelledOutputs }) {
  const examples = summary.examples.map((e) => (e.startsWith('"') ? (JSON.parse(e) as string) : e));
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-medium">
        {summary.unlabelled} of {summary.outputs} outputs are not labels of this project: {examples.join(", ")}
        {summary.distinct > examples.length ? ", …" : ""}
      </p>
      <p className="mt-1">
        They are judged as they came, so the error rates of this version are likely wrong. If the model answers class ids, set the connector&apos;s labels to the class names in id order (or
        read another output), then replay.
      </p>
    </div>
  );
}
