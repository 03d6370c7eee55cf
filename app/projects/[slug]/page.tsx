import { DashboardPage } from "@/components/dashboard/dashboard-page";
import { buildErrorRateMatrix } from "@/lib/results/build-error-rate-matrix";
import { chooseBaseline } from "@/lib/results/choose-baseline";
import { CHART_MAX_LINES, parseDashboardQuery } from "@/lib/results/dashboard-query";
import { listErrorRates } from "@/lib/results/list-error-rates";
import { filterAboveTarget, pickWorstProblems, rankProblemsByLatestRate } from "@/lib/results/rank-problems-by-latest-rate";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { listProblems } from "@/lib/problems/list-problems";
import { requirePageProject } from "@/lib/projects/require-page-project";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listSignoffMarkers } from "@/lib/signoffs/list-signoff-markers";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function Page({ params, searchParams }: Props) {
  await requirePageActor("projects.read");
  const { slug } = await params;
  const project = await requirePageProject(slug);

  const query = parseDashboardQuery(await searchParams);
  // Ranking, the above-target filter and the chart's choice need only each problem's
  // latest rate; full rows across versions are read for the shown problems alone.
  const [problems, modelVersions, latestRates, signoffs] = await Promise.all([
    listProblems(project.id, { severities: query.severities, statuses: query.statuses, q: query.q }),
    listModelVersions(project.id),
    listErrorRates(project.id, { latest: true }),
    listSignoffMarkers(project.id),
  ]);
  const listed = query.aboveTarget ? filterAboveTarget(problems, latestRates) : problems;
  const pageCount = Math.max(1, Math.ceil(listed.length / query.limit));
  const page = Math.min(query.page, pageCount);
  const tableProblems = listed.slice((page - 1) * query.limit, page * query.limit);
  const chosen = listed.filter((p) => query.chart.includes(p.key));
  const chartProblems = chosen.length > 0 ? chosen : pickWorstProblems(listed, latestRates, CHART_MAX_LINES);
  const shownIds = [...new Set([...tableProblems, ...chartProblems].map((p) => p.id))];
  const errorRates = await listErrorRates(project.id, { problemIds: shownIds });
  const latestByProblem = new Map(latestRates.map((r) => [r.problemId, r]));

  const latest = modelVersions.at(-1);
  const latestBaseline = latest ? chooseBaseline(modelVersions, latest.id) : null;

  return (
    <DashboardPage
      latestComparison={latest && latestBaseline ? { candidate: latest, baseline: latestBaseline.modelVersion, reason: latestBaseline.reason } : null}
      project={project}
      query={{ ...query, page }}
      chart={{
        matrix: buildErrorRateMatrix(chartProblems, modelVersions, errorRates),
        chosen: chosen.length > 0,
        options: rankProblemsByLatestRate(listed, latestRates).map((p) => ({
          key: p.key,
          title: p.title,
          target: p.target,
          latest: latestByProblem.get(p.id)?.errorRate ?? null,
        })),
      }}
      table={{ matrix: buildErrorRateMatrix(tableProblems, modelVersions, errorRates), page, pageCount, total: listed.length }}
      signoffs={signoffs}
    />
  );
}
