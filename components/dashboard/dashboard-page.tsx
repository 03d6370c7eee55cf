import Link from "next/link";
import { PRODUCTION_GLYPH } from "@/components/charts/production-glyph";
import { toChartPoint } from "@/components/charts/to-chart-point";
import type { ErrorRateChartPoint } from "@/components/charts/error-rate-chart";
import { ErrorRateChartViews } from "@/components/charts/error-rate-chart-views";
import { seriesStyle } from "@/components/charts/series-colors";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { ModelAgeEvaluation } from "@/lib/models/evaluate-model-age";
import type { ModelStatus, Severity } from "@/lib/db/generated/enums";
import type { ErrorRateMatrix } from "@/lib/results/build-error-rate-matrix";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import { toChartSignoffs } from "@/components/signoffs/to-chart-signoffs";
import type { SignoffMarker } from "@/lib/signoffs/list-signoff-markers";
import { DASHBOARD_PAGE_SIZE, type DashboardQuery } from "@/lib/results/dashboard-query";
import { MeasurementSummaryText } from "@/components/results/measurement-summary";
import type { MeasurementSummary } from "@/lib/results/measurement";
import { ChartLegend } from "./chart-legend";
import { ChartProblemPicker } from "./chart-problem-picker";
import { ErrorRateTable } from "./error-rate-table";
import { ProblemFilterForm } from "./problem-filter-form";
import { TablePagination, VersionColumnsNav, type VersionColumns } from "./table-pagination";

type DashboardProblem = { id: string; key: string; number: number; title: string; severity: Severity; target: number };
type DashboardModelVersion = { id: string; name: string; version: string; status: ModelStatus };

type DashboardPageProps = {
  /** The model-age check (project setting "production model older than N days"); a warning shows when it is exceeded. */
  modelAge?: (ModelAgeEvaluation & { modelVersion: { id: string; name: string; version: string } | null }) | null;
  project: { slug: string; name: string; description: string };
  /** What the viewer's role may do: empty states offer the next step only to those who can take it. */
  permissions: { logProblems: boolean; registerModels: boolean };
  query: DashboardQuery;
  chart: {
    /** The problems drawn (at most CHART_MAX_LINES) × every model version. */
    matrix: ErrorRateMatrix<DashboardProblem, DashboardModelVersion>;
    /** Picked in the URL rather than the default worst. */
    chosen: boolean;
    /** Every listed problem, worst first, for the picker. */
    options: { key: string; title: string; target: number; latest: number | null }[];
  };
  /** Current sign-offs per problem × model version: markers on the chart and in the table. */
  signoffs?: SignoffMarker[];
  /** The newest version's problems by measurement (above target, not measured) over the listed problems. */
  latestSummary?: { modelVersion: DashboardModelVersion; summary: MeasurementSummary } | null;
  /** The latest version and its default baseline (chooseBaseline), for the "Compare" link. */
  latestComparison?: { candidate: DashboardModelVersion; baseline: DashboardModelVersion; reason: "production" | "previous" } | null;
  table: {
    /** The page of problems × the window of model versions shown. */
    matrix: ErrorRateMatrix<DashboardProblem, DashboardModelVersion>;
    page: number;
    pageCount: number;
    total: number;
    /** Which model versions (1-based, registration order) the columns are, out of how many. */
    versions: VersionColumns;
  };
};

export function DashboardPage({ project, permissions, query, chart, table, signoffs = [], latestSummary, latestComparison, modelAge = null }: DashboardPageProps) {
  const base = `/projects/${project.slug}`;
  const { matrix } = chart;
  const series = matrix.rows.map(({ problem }) => ({
    key: problem.key,
    title: problem.title,
    target: problem.target,
    // By problem number, so a line keeps its colour and marker whatever the filter.
    ...seriesStyle(problem.number - 1),
    href: `${base}/problems/${encodeURIComponent(problem.key)}`,
  }));
  const points: ErrorRateChartPoint[][] = matrix.rows.map(({ cells }) => cells.map(toChartPoint));

  const chartSignoffs = toChartSignoffs(signoffs, matrix.rows.map((r) => r.problem.id), matrix.modelVersions.map((v) => v.id));
  const tableSignoffs = toChartSignoffs(signoffs, table.matrix.rows.map((r) => r.problem.id), table.matrix.modelVersions.map((v) => v.id));
  // At most one per project; the chart marks it on its axis, the table in its column header.
  const productionVersion = matrix.modelVersions.find((v) => v.status === "production");
  const production = productionVersion ? modelVersionLabel(productionVersion) : undefined;
  const noVersions = matrix.modelVersions.length === 0;
  const filtered = query.severities.length + query.statuses.length > 0 || query.q !== "" || query.aboveTarget;
  const total = table.total;
  const chartDescription = chart.chosen
    ? `${series.length} chosen problem${series.length === 1 ? "" : "s"}`
    : total > series.length
      ? `The ${series.length} worst of ${total.toLocaleString("en")} problems (highest latest error rate relative to target)`
      : `${series.length} problem${series.length === 1 ? "" : "s"}`;

  return (
    <>
      <PageHeader
        title={project.name}
        description="How is each problem doing across model versions? Error rate = failed ÷ (passed + failed) over each problem's current patterns; dashed lines are targets."
        actions={
          latestComparison ? (
            <Link
              href={`${base}/models/${latestComparison.candidate.id}/compare`}
              className="inline-flex items-center rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            >
              Compare {modelVersionLabel(latestComparison.candidate)} with {latestComparison.reason === "production" ? "production" : "the version before"} ({latestComparison.baseline.version})
            </Link>
          ) : null
        }
      />

      {modelAge?.tooOld ? <ModelAgeWarning base={base} modelAge={modelAge} /> : null}

      <Card className="mb-6">
        <ProblemFilterForm
          action={base}
          severities={query.severities}
          statuses={query.statuses}
          q={query.q}
          aboveTarget={query.aboveTarget}
          chart={chart.chosen ? query.chart : []}
          limit={query.limit === DASHBOARD_PAGE_SIZE ? undefined : query.limit}
          smallMultiples={query.smallMultiples}
        />
      </Card>

      {total === 0 && !filtered ? (
        <EmptyState
          title="No problems logged yet"
          action={permissions.logProblems ? { href: `${base}/problems/new`, label: "Log a problem" } : undefined}
        >
          {permissions.logProblems
            ? "Log a problem the model is known to have, then add its patterns: this page charts its error rate across model versions."
            : "Engineers log the problems the model is known to have; each appears here with its error rate across model versions."}
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState title="No problem matches this filter">Clear the filter to see every problem.</EmptyState>
      ) : (
        <div className="space-y-6">
          {latestSummary ? (
            <p className="text-sm text-slate-700">
              Latest version{" "}
              <Link href={`${base}/models/${latestSummary.modelVersion.id}`} className="font-medium text-blue-700 hover:underline">
                {modelVersionLabel(latestSummary.modelVersion)}
              </Link>
              {filtered ? " (filtered problems)" : ""}: <MeasurementSummaryText summary={latestSummary.summary} />
            </p>
          ) : null}
          {noVersions ? (
            <EmptyState
              title="No model versions registered yet"
              action={permissions.registerModels ? { href: `${base}/models/new`, label: "Register a model version" } : undefined}
            >
              {permissions.registerModels
                ? "Register a model version: Ratchet replays every pattern against it and charts each problem's error rate here."
                : "Once an engineer registers a model version, Ratchet replays every pattern against it and charts each problem's error rate here."}
            </EmptyState>
          ) : (
            <Card
              title="Error rate by model version"
              description={`${chartDescription}${filtered ? " (filtered)" : ""} · ${matrix.modelVersions.length} model version${
                matrix.modelVersions.length === 1 ? "" : "s"
              } in registration order`}
            >
              <figure>
                <ErrorRateChartViews
                  modelVersions={matrix.modelVersions.map(modelVersionLabel)}
                  series={series}
                  points={points}
                  signoffs={chartSignoffs}
                  production={production}
                />
                <figcaption className="sr-only">
                  Line chart of error rate per problem across model versions
                  {production ? `; the production version is ${production}` : ""}. The same numbers, with their 95% intervals, are in
                  the table below.
                </figcaption>
              </figure>
              <ChartLegend items={series} production={production} />
              <ChartProblemPicker action={base} query={query} options={chart.options} shown={series.map((s) => s.key)} chosen={chart.chosen} />
            </Card>
          )}

          <section aria-labelledby="numbers-heading">
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
              <h2 id="numbers-heading" className="text-base font-semibold text-slate-900">
                {noVersions ? "Problems" : "Numbers"}
              </h2>
              <VersionColumnsNav action={base} query={query} columns={table.versions} />
            </div>
            <ErrorRateTable projectSlug={project.slug} matrix={table.matrix} signoffs={tableSignoffs} />
            <TablePagination action={base} query={query} pageCount={table.pageCount} total={total} />
            {noVersions ? null : (
              <p className="mt-2 text-xs text-slate-600">
                <span aria-hidden="true">▲</span> above target · n = patterns graded pass or fail (errored calls are
                excluded and shown separately) · beneath each rate its 95% Wilson interval · thin evidence: n &lt; 10 ·{" "}
                <span aria-hidden="true">⚠</span> not measured: no pass or fail result (every call errored, or only awaiting a grade) · — no result ·
                sign-offs: ✓ approved, ✗ rejected, ◌ stale
                {production ? (
                  <>
                    {" "}
                    · <span aria-hidden="true">{PRODUCTION_GLYPH}</span> production: the version in production
                  </>
                ) : null}
              </p>
            )}
          </section>
        </div>
      )}
    </>
  );
}

function ModelAgeWarning({ base, modelAge }: { base: string; modelAge: NonNullable<DashboardPageProps["modelAge"]> }) {
  const label = modelAge.modelVersion ? modelVersionLabel(modelAge.modelVersion) : "The production version";
  return (
    <div role="status" data-testid="model-age-warning" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <strong className="font-semibold">Production model too old:</strong>{" "}
      {modelAge.modelVersion ? (
        <Link href={`${base}/models/${modelAge.modelVersion.id}`} className="font-medium underline">
          {label}
        </Link>
      ) : (
        label
      )}{" "}
      was {modelAge.since === "trained" ? "trained" : "registered"} {days(modelAge.ageDays)} ago, over this project&apos;s limit of {days(modelAge.limitDays)}. Train and register a newer
      version, or change the limit in the project settings.
    </div>
  );
}

function days(count: number | null): string {
  return `${count} day${count === 1 ? "" : "s"}`;
}
