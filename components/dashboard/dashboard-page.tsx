import Link from "next/link";
import { ErrorRateChart, type ErrorRateChartPoint } from "@/components/charts/error-rate-chart";
import { seriesColor } from "@/components/charts/series-colors";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { ProblemStatus, Severity } from "@/lib/db/generated/enums";
import type { ErrorRateMatrix } from "@/lib/results/build-error-rate-matrix";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import { toChartSignoffs } from "@/components/signoffs/to-chart-signoffs";
import type { SignoffMarker } from "@/lib/signoffs/list-signoff-markers";
import { ChartLegend } from "./chart-legend";
import { ErrorRateTable } from "./error-rate-table";
import { ProblemFilterForm } from "./problem-filter-form";

type DashboardProblem = { id: string; key: string; number: number; title: string; severity: Severity; target: number };
type DashboardModelVersion = { id: string; name: string; version: string };

type DashboardPageProps = {
  project: { slug: string; name: string; description: string };
  matrix: ErrorRateMatrix<DashboardProblem, DashboardModelVersion>;
  filter: { severities: Severity[]; statuses: ProblemStatus[] };
  /** Current sign-offs per problem × model version: markers on the chart and in the table. */
  signoffs?: SignoffMarker[];
  /** The latest version and its default baseline (chooseBaseline), for the "Compare" link. */
  latestComparison?: { candidate: DashboardModelVersion; baseline: DashboardModelVersion; reason: "production" | "previous" } | null;
};

export function DashboardPage({ project, matrix, filter, signoffs = [], latestComparison }: DashboardPageProps) {
  const base = `/projects/${project.slug}`;
  const series = matrix.rows.map(({ problem }) => ({
    key: problem.key,
    title: problem.title,
    target: problem.target,
    // By problem number, so a line keeps its colour whatever the filter.
    color: seriesColor(problem.number - 1),
    href: `${base}/problems/${encodeURIComponent(problem.key)}`,
  }));
  const points: ErrorRateChartPoint[][] = matrix.rows.map(({ cells }) =>
    cells.map((c) =>
      c ? { errorRate: c.errorRate, n: c.n, low: c.low, high: c.high, errored: c.errored } : null,
    ),
  );

  const chartSignoffs = toChartSignoffs(signoffs, matrix.rows.map((r) => r.problem.id), matrix.modelVersions.map((v) => v.id));

  const filtered = filter.severities.length + filter.statuses.length > 0;

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

      <Card className="mb-6">
        <ProblemFilterForm action={base} severities={filter.severities} statuses={filter.statuses} />
      </Card>

      {matrix.rows.length === 0 && !filtered ? (
        <EmptyState title="No problems logged yet">Log a problem and add its patterns to start tracking it.</EmptyState>
      ) : matrix.rows.length === 0 ? (
        <EmptyState title="No problem matches this filter">Clear the filter to see every problem.</EmptyState>
      ) : matrix.modelVersions.length === 0 ? (
        <EmptyState title="No model versions registered yet">
          Register a model version: Ratchet replays every pattern against it and charts the result here.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card
            title="Error rate by model version"
            description={`${matrix.rows.length} problem${matrix.rows.length === 1 ? "" : "s"}${
              filtered ? " (filtered)" : ""
            } · ${matrix.modelVersions.length} model version${matrix.modelVersions.length === 1 ? "" : "s"} in registration order`}
          >
            <figure>
              <ErrorRateChart
                modelVersions={matrix.modelVersions.map(modelVersionLabel)}
                series={series}
                points={points}
                signoffs={chartSignoffs}
              />
              <figcaption className="sr-only">
                Line chart of error rate per problem across model versions. The same numbers are in the table below.
              </figcaption>
            </figure>
            <ChartLegend items={series} />
          </Card>

          <section aria-labelledby="numbers-heading">
            <h2 id="numbers-heading" className="mb-2 text-base font-semibold text-slate-900">
              Numbers
            </h2>
            <ErrorRateTable projectSlug={project.slug} matrix={matrix} signoffs={chartSignoffs} />
            <p className="mt-2 text-xs text-slate-600">
              <span aria-hidden="true">▲</span> above target · n = patterns graded pass or fail (errored calls are
              excluded and shown separately) · hover a cell for its 95% Wilson interval · — no result · sign-offs: ✓
              approved, ✗ rejected, ◌ stale
            </p>
          </section>
        </div>
      )}
    </>
  );
}
