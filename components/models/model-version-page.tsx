import Link from "next/link";
import { Badge, ModelStatusBadge, SeverityBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { ErrorRateCell } from "@/components/dashboard/error-rate-cell";
import type { ConnectorKind, ModelStatus, Severity } from "@/lib/db/generated/enums";
import type { ErrorRate } from "@/lib/error-rates/list-error-rates";
import { formatMetrics } from "@/lib/format/format-metrics";
import { formatPercent } from "@/lib/format/format-percent";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import { ageText } from "./model-versions-page";

type ModelVersionPageProps = {
  project: { slug: string };
  modelVersion: {
    id: string;
    name: string;
    version: string;
    status: ModelStatus;
    connectorKind: ConnectorKind;
    trainedAt: Date | null;
    createdAt: Date;
    metrics: unknown;
    sourceUrl: string | null;
    artifactChecksum: string | null;
    concurrency: number;
    timeoutMs: number;
  };
  /** The production version to compare with, unless this is it. */
  baseline: { id: string; name: string; version: string } | null;
  rows: {
    problem: { id: string; key: string; title: string; severity: Severity; target: number };
    rate: ErrorRate | null;
    baselineRate: ErrorRate | null;
  }[];
  now: Date;
};

export function ModelVersionPage({ project, modelVersion: v, baseline, rows, now }: ModelVersionPageProps) {
  const base = `/projects/${project.slug}`;
  const aboveTarget = rows.filter((r) => r.rate?.errorRate != null && r.rate.errorRate > r.problem.target).length;
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
      />
      <div className="space-y-6">
        <Card>
          <DescriptionList
            items={[
              { label: "Connector", value: <Badge>{v.connectorKind}</Badge> },
              {
                label: "Trained",
                value: v.trainedAt ? `${v.trainedAt.toISOString().slice(0, 10)} (${ageText(v.trainedAt, now)})` : "unknown",
              },
              { label: "Registered", value: v.createdAt.toISOString().slice(0, 10) },
              { label: "Metrics", value: formatMetrics(v.metrics, 8) },
              {
                label: "Source",
                value: v.sourceUrl ? (
                  <a href={v.sourceUrl} className="text-blue-700 hover:underline" rel="noreferrer">
                    {v.sourceUrl}
                  </a>
                ) : (
                  "—"
                ),
              },
              { label: "Artifact checksum", value: v.artifactChecksum ? <code className="text-xs">{v.artifactChecksum}</code> : "—" },
              { label: "Replay limits", value: `${v.concurrency} parallel calls, ${v.timeoutMs / 1000}s timeout` },
            ]}
          />
        </Card>

        <section aria-labelledby="per-problem-heading">
          <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="per-problem-heading" className="text-base font-semibold text-slate-900">
              Error rate per problem
            </h2>
            <p className="text-sm text-slate-600">
              {aboveTarget} of {rows.length} problem{rows.length === 1 ? "" : "s"} above target
              {errored > 0 ? ` · ${errored} errored call${errored === 1 ? "" : "s"}` : ""}
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
                    <TableHeaderCell className="text-right normal-case tracking-normal">
                      Production: {modelVersionLabel(baseline)}
                    </TableHeaderCell>
                  ) : null}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map(({ problem, rate, baselineRate }) => (
                  <TableRow key={problem.id}>
                    <TableHeaderCell scope="row" className="min-w-40 font-normal sm:min-w-56">
                      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        <Link
                          href={`${base}/problems/${encodeURIComponent(problem.key)}`}
                          className="font-semibold text-blue-700 hover:underline"
                        >
                          {problem.key}
                        </Link>
                        <SeverityBadge severity={problem.severity} />
                      </div>
                      <div className="mt-0.5 text-slate-700">{problem.title}</div>
                    </TableHeaderCell>
                    <TableCell className="text-right tabular-nums whitespace-nowrap">≤ {formatPercent(problem.target)}</TableCell>
                    <ErrorRateCell rate={rate} target={problem.target} testId={`rate-${problem.key}`} />
                    {baseline ? <ErrorRateCell rate={baselineRate} target={problem.target} /> : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
        <p className="text-sm text-slate-600">Flips, McNemar tests, the gate and replay progress will appear on this page.</p>
      </div>
    </>
  );
}
