import Link from "next/link";
import { toChartPoint } from "@/components/charts/to-chart-point";
import { ErrorRateChart } from "@/components/charts/error-rate-chart";
import { SignoffNote } from "@/components/signoffs/signoff-note";
import { toChartSignoffs } from "@/components/signoffs/to-chart-signoffs";
import type { SignoffMarker } from "@/lib/signoffs/list-signoff-markers";
import { seriesStyle } from "@/components/charts/series-colors";
import { ModelStatusBadge, ProblemStatusBadge, SeverityBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { ModelStatus } from "@/lib/db/generated/enums";
import type { ErrorRate } from "@/lib/results/list-error-rates";
import { formatPercent } from "@/lib/format/format-percent";
import type { PatternVersionMatrix } from "@/lib/results/pattern-version-matrix";
import { isThinEvidence } from "@/lib/stats/thin-evidence";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import type { ProblemDetails } from "@/lib/problems/find-problem-by-key";
import type { ProblemHistoryEntry } from "@/lib/problems/problem.schema";
import type { ReactNode } from "react";
import { CoverageHintBadges } from "./coverage-hint-badges";
import { PatternVersionMatrixTable } from "./pattern-version-matrix";
import { ProblemEditor } from "./problem-editor";
import { ProblemHistory } from "./problem-history";
import { TargetText } from "./target-text";

type ProblemPageProps = {
  project: { id: string; slug: string };
  problem: ProblemDetails;
  history: ProblemHistoryEntry[];
  owners: { id: string; name: string }[];
  canWrite: boolean;
  /** The viewer may add patterns (patterns.write) and register model versions (models.write): the empty chart area offers that step. */
  canAddPatterns?: boolean;
  canRegisterModels?: boolean;
  /** The pattern list of this problem (the patterns module's section). */
  patternsSection: ReactNode;
  /** Every model version in registration order, with this problem's error rate (null: no result). */
  versions: { id: string; name: string; version: string; status: ModelStatus; rate: ErrorRate | null }[];
  /** List every version in the table (`?versions=all`), not only the newest PROBLEM_TABLE_VERSIONS. */
  allVersionRows?: boolean;
  /** The problem's current patterns × the same model versions. */
  matrix: PatternVersionMatrix<{ id: string; name: string; version: string }>;
  /** This problem's current sign-off per model version: chart markers and a table column. */
  signoffs?: SignoffMarker[];
};

/** The per-version table lists this many (the newest) unless asked for all: the chart and the matrix already span every version. */
export const PROBLEM_TABLE_VERSIONS = 10;

export function ProblemPage({
  project,
  problem,
  versions,
  matrix,
  history,
  owners,
  canWrite,
  canAddPatterns = false,
  canRegisterModels = false,
  patternsSection,
  signoffs = [],
  allVersionRows = false,
}: ProblemPageProps) {
  const base = `/projects/${project.slug}`;
  const [versionSignoffs = []] = toChartSignoffs(signoffs, [problem.id], versions.map((v) => v.id));
  const productionVersion = versions.find((v) => v.status === "production");
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`${base}/problems`} className="hover:underline">
            Problems
          </Link>
        }
        title={
          <>
            <span className="text-slate-500">{problem.key}</span> {problem.title}
          </>
        }
        description={problem.description ? <span className="whitespace-pre-line">{problem.description}</span> : undefined}
      />

      <div className="space-y-6">
        <Card>
          <DescriptionList
            items={[
              { label: "Severity", value: <SeverityBadge severity={problem.severity} /> },
              { label: "Status", value: <ProblemStatusBadge status={problem.status} /> },
              { label: "Target", value: <TargetText target={problem.target} ratchet={problem.ratchet} history={history} /> },
              { label: "Owner", value: problem.owner?.name ?? "—" },
              { label: "Origin", value: problem.origin || "—" },
              { label: "Logged", value: problem.createdAt.toISOString().slice(0, 10) },
              {
                label: "Patterns",
                value: `${problem.patternCounts.total} (${problem.patternCounts.control} control · ${problem.patternCounts.production} production)`,
              },
              { label: "Coverage", value: <CoverageHintBadges hints={problem.coverageHints} /> },
            ]}
          />
          {canWrite ? (
            <div className="mt-4 flex">
              <ProblemEditor
                projectId={project.id}
                projectSlug={project.slug}
                owners={owners}
                problem={{
                  id: problem.id,
                  title: problem.title,
                  description: problem.description,
                  severity: problem.severity,
                  status: problem.status,
                  target: problem.target,
                  origin: problem.origin,
                  ownerId: problem.ownerId,
                  ratchet: problem.ratchet,
                  lockVersion: problem.lockVersion,
                }}
              />
            </div>
          ) : null}
        </Card>

        {patternsSection}

        {problem.patternCounts.total === 0 ? (
          // No patterns: every version's error rate is undefined, so an empty chart would only look broken.
          <EmptyState
            title="No error rate to chart yet: this problem has no patterns"
            action={canAddPatterns ? { href: `${base}/patterns/new?problem=${encodeURIComponent(problem.key)}`, label: "Add a pattern" } : undefined}
          >
            An error rate is the share of a problem&apos;s patterns a model version fails.{" "}
            {canAddPatterns
              ? versions.length > 0
                ? "Add 10–15 patterns: Ratchet replays them against every model version and charts the result here."
                : "Add 10–15 patterns; once a model version is registered, Ratchet replays them and charts the result here."
              : versions.length > 0
                ? "Once testers add its patterns, Ratchet replays them against every model version and charts the result here."
                : "Once testers add its patterns and a model version is registered, the result is charted here."}
          </EmptyState>
        ) : versions.length === 0 ? (
          <EmptyState
            title="No model versions registered yet"
            action={canRegisterModels ? { href: `${base}/models/new`, label: "Register a model version" } : undefined}
          >
            {canRegisterModels
              ? "Register a model version: Ratchet replays this problem's patterns against it and charts its error rate here."
              : "Once an engineer registers a model version, Ratchet replays this problem's patterns against it and charts its error rate here."}
          </EmptyState>
        ) : (
          <>
            <Card title="Error rate by model version" description="Shaded: 95% Wilson interval. Dashed line: target.">
              <ErrorRateChart
                height={260}
                intervalBand
                modelVersions={versions.map(modelVersionLabel)}
                series={[{ key: problem.key, title: problem.title, target: problem.target, ...seriesStyle(problem.number - 1) }]}
                points={[versions.map((v) => toChartPoint(v.rate))]}
                signoffs={[versionSignoffs]}
                production={productionVersion ? modelVersionLabel(productionVersion) : undefined}
              />
            </Card>

            <Table aria-label={`Error rate of ${problem.key} per model version`}>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>Model version</TableHeaderCell>
                  <TableHeaderCell className="text-right">Error rate</TableHeaderCell>
                  <TableHeaderCell className="text-right">95% interval</TableHeaderCell>
                  <TableHeaderCell className="text-right">Passed</TableHeaderCell>
                  <TableHeaderCell className="text-right">Failed</TableHeaderCell>
                  <TableHeaderCell className="text-right">Errored</TableHeaderCell>
                  <TableHeaderCell className="text-right">Awaiting grade</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell>Sign-off</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {versions.map((v, vi) => {
                  if (!allVersionRows && vi < versions.length - PROBLEM_TABLE_VERSIONS) return null;
                  const above = v.rate?.errorRate != null && v.rate.errorRate > problem.target;
                  return (
                    <TableRow key={v.id}>
                      <TableCell className="whitespace-nowrap">
                        <Link href={`${base}/models/${v.id}`} className="font-medium text-blue-700 hover:underline">
                          {modelVersionLabel(v)}
                        </Link>
                      </TableCell>
                      <TableCell
                        className={`text-right tabular-nums whitespace-nowrap ${above ? "bg-red-50 font-semibold text-red-800" : ""}`}
                      >
                        {above ? <span aria-hidden="true">▲ </span> : null}
                        {formatPercent(v.rate?.errorRate)}
                        {v.rate ? <span className="font-normal text-slate-600"> (n={v.rate.n})</span> : null}
                        {above ? <span className="sr-only">, above target</span> : null}
                        {v.rate && isThinEvidence(v.rate.n) ? (
                          <span className="block text-xs font-normal text-amber-800">thin evidence</span>
                        ) : null}
                      </TableCell>
                      <TableCell className="text-right tabular-nums whitespace-nowrap text-slate-700">
                        {v.rate && v.rate.n > 0 ? `${formatPercent(v.rate.low)}–${formatPercent(v.rate.high)}` : "—"}
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{v.rate?.passed ?? "—"}</TableCell>
                      <TableCell className="text-right tabular-nums">{v.rate?.failed ?? "—"}</TableCell>
                      <TableCell className="text-right tabular-nums">{v.rate?.errored ?? "—"}</TableCell>
                      <TableCell className="text-right tabular-nums">{v.rate?.ungraded ?? "—"}</TableCell>
                      <TableCell>
                        <ModelStatusBadge status={v.status} />
                      </TableCell>
                      <TableCell data-testid={`problem-signoff-${v.version}`}>
                        <SignoffNote signoff={versionSignoffs[vi] ?? null} />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {versions.length > PROBLEM_TABLE_VERSIONS ? (
              <p className="-mt-4 text-sm text-slate-700">
                {allVersionRows ? (
                  <>
                    All {versions.length} model versions ·{" "}
                    <Link href={`${base}/problems/${encodeURIComponent(problem.key)}`} className="font-medium text-blue-700 hover:underline">
                      Show the newest {PROBLEM_TABLE_VERSIONS}
                    </Link>
                  </>
                ) : (
                  <>
                    The newest {PROBLEM_TABLE_VERSIONS} of {versions.length} model versions ·{" "}
                    <Link href={`${base}/problems/${encodeURIComponent(problem.key)}?versions=all`} className="font-medium text-blue-700 hover:underline">
                      Show all
                    </Link>
                  </>
                )}
              </p>
            ) : null}

            <Card
              title="Verdict per pattern and model version"
              description="Current patterns × model versions in registration order. Open a cell to see input, expected and output."
            >
              {matrix.rows.length === 0 ? (
                <p className="text-sm text-slate-600">No current patterns yet.</p>
              ) : (
                <PatternVersionMatrixTable projectSlug={project.slug} problemKey={problem.key} matrix={matrix} />
              )}
            </Card>
          </>
        )}
        <ProblemHistory entries={history} owners={owners} />
      </div>
    </>
  );
}
