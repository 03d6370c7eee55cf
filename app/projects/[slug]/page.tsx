import { DashboardPage } from "@/components/dashboard/dashboard-page";
import { buildErrorRateMatrix } from "@/lib/results/build-error-rate-matrix";
import { chooseBaseline } from "@/lib/results/choose-baseline";
import { listErrorRates } from "@/lib/results/list-error-rates";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { listProblems } from "@/lib/problems/list-problems";
import { parseProblemFilter } from "@/lib/problems/parse-problem-filter";
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

  const filter = parseProblemFilter(await searchParams);
  const [problems, modelVersions, errorRates, signoffs] = await Promise.all([
    listProblems(project.id, filter),
    listModelVersions(project.id),
    listErrorRates(project.id),
    listSignoffMarkers(project.id),
  ]);

  const latest = modelVersions.at(-1);
  const latestBaseline = latest ? chooseBaseline(modelVersions, latest.id) : null;

  return (
    <DashboardPage
      latestComparison={latest && latestBaseline ? { candidate: latest, baseline: latestBaseline.modelVersion, reason: latestBaseline.reason } : null}
      project={project}
      matrix={buildErrorRateMatrix(problems, modelVersions, errorRates)}
      filter={filter}
      signoffs={signoffs}
    />
  );
}
