import { DashboardPage } from "@/components/dashboard/dashboard-page";
import { buildErrorRateMatrix } from "@/lib/results/build-error-rate-matrix";
import { chooseBaseline } from "@/lib/results/choose-baseline";
import { CHART_MAX_LINES, parseDashboardQuery, versionWindow } from "@/lib/results/dashboard-query";
import { listErrorRates } from "@/lib/results/list-error-rates";
import { summariseMeasurements } from "@/lib/results/measurement";
import { filterAboveTarget, pickWorstProblems, rankProblemsByLatestRate } from "@/lib/results/rank-problems-by-latest-rate";
import { evaluateModelAge } from "@/lib/models/evaluate-model-age";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { listProblems } from "@/lib/problems/list-problems";
import { requirePageProject } from "@/lib/projects/require-page-project";
import { can, requirePageActor } from "@/lib/auth/current-actor";
import { listSignoffMarkers } from "@/lib/signoffs/list-signoff-markers";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function Page({ params, searchParams }: Props) {
  const actor = await requirePageActor("projects.read");
  const { slug } = await params;
  const project = await requirePageProject(slug);

  const query = parseDashboardQuery(await searchParams);
  // Ranking, the above-target filter and the chart's choice need only each problem's
  // latest rate; full rows across versions are read for the shown problems alone.
  const [problems, modelVersions, latestRates, signoffs, modelAge] = await Promise.all([
    listProblems(project.id, { severities: query.severities, statuses: query.statuses, q: query.q }),
    listModelVersions(project.id),
    listErrorRates(project.id, { latest: true }),
    listSignoffMarkers(project.id),
    evaluateModelAge(project.id),
  ]);
  const listed = query.aboveTarget ? filterAboveTarget(problems, latestRates) : problems;
  const pageCount = Math.max(1, Math.ceil(listed.length / query.limit));
  const page = Math.min(query.page, pageCount);
  const tableProblems = listed.slice((page - 1) * query.limit, page * query.limit);
  const chosen = listed.filter((p) => query.chart.includes(p.key));
  const chartProblems = chosen.length > 0 ? chosen : pickWorstProblems(listed, latestRates, CHART_MAX_LINES);
  // The chart draws its few problems across every version; the table shows its page of
  // problems over a window of versions (the newest by default).
  const columns = versionWindow(modelVersions, query.versionPage);
  const latest = modelVersions.at(-1);
  const [chartRates, tableRates, latestVersionRates] = await Promise.all([
    listErrorRates(project.id, { problemIds: chartProblems.map((p) => p.id) }),
    listErrorRates(project.id, { problemIds: tableProblems.map((p) => p.id), modelVersionIds: columns.versions.map((v) => v.id) }),
    // The summary line: the newest version on every listed problem, not each problem's last measured one.
    latest ? listErrorRates(project.id, { modelVersionIds: [latest.id] }) : [],
  ]);
  const latestByProblem = new Map(latestRates.map((r) => [r.problemId, r]));
  const latestVersionRate = new Map(latestVersionRates.map((r) => [r.problemId, r]));

  const latestBaseline = latest ? chooseBaseline(modelVersions, latest.id) : null;

  return (
    <DashboardPage
      latestSummary={latest ? { modelVersion: latest, summary: summariseMeasurements(listed.map((p) => ({ rate: latestVersionRate.get(p.id) ?? null, target: p.target }))) } : null}
      latestComparison={latest && latestBaseline ? { candidate: latest, baseline: latestBaseline.modelVersion, reason: latestBaseline.reason } : null}
      project={project}
      permissions={{ logProblems: can(actor, "problems.write"), registerModels: can(actor, "models.write") }}
      query={{ ...query, page, versionPage: columns.page }}
      chart={{
        matrix: buildErrorRateMatrix(chartProblems, modelVersions, chartRates),
        chosen: chosen.length > 0,
        options: rankProblemsByLatestRate(listed, latestRates).map((p) => ({
          key: p.key,
          title: p.title,
          target: p.target,
          latest: latestByProblem.get(p.id)?.errorRate ?? null,
        })),
      }}
      table={{
        matrix: buildErrorRateMatrix(tableProblems, columns.versions, tableRates),
        page,
        pageCount,
        total: listed.length,
        versions: { page: columns.page, pageCount: columns.pageCount, from: columns.from, to: columns.to, total: columns.total },
      }}
      signoffs={signoffs}
      modelAge={{ ...modelAge, modelVersion: modelVersions.find((v) => v.id === modelAge.modelVersionId) ?? null }}
    />
  );
}
