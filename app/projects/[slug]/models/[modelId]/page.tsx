import { notFound } from "next/navigation";
import { ModelVersionPage } from "@/components/models/model-version-page";
import { idSchema } from "@/lib/api/id-params";
import { can, requirePageActor } from "@/lib/auth/current-actor";
import { listErrorRates } from "@/lib/error-rates/list-error-rates";
import { listModelResultsView, MODEL_RESULT_FILTERS, type ModelResultFilter } from "@/lib/models/list-model-results-view";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { findProjectModelVersion } from "@/lib/models/find-project-model-version";
import { listProblems } from "@/lib/problems/list-problems";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";

const RESULTS_PAGE_SIZE = 50;

type Props = {
  params: Promise<{ slug: string; modelId: string }>;
  searchParams: Promise<{ results?: string; page?: string }>;
};

export default async function Page({ params, searchParams }: Props) {
  const actor = await requirePageActor("models.read");
  const { slug, modelId } = await params;
  const query = await searchParams;
  const project = await requirePageProject(slug);
  const modelVersion = idSchema.safeParse(modelId).success ? await findProjectModelVersion(project.id, modelId) : null;
  if (!modelVersion) notFound();

  const filter: ModelResultFilter = (MODEL_RESULT_FILTERS as readonly string[]).includes(query.results ?? "") ? (query.results as ModelResultFilter) : "all";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? "1", 10) || 1));
  const [problems, modelVersions, errorRates, results] = await Promise.all([
    listProblems(project.id),
    listModelVersions(project.id),
    listErrorRates(project.id),
    listModelResultsView(project.id, modelVersion.id, { filter, page, pageSize: RESULTS_PAGE_SIZE }),
  ]);
  // Latest production version is the default baseline (DESIGN.md, model version page).
  const otherProduction = modelVersions.filter((v) => v.status === "production" && v.id !== modelVersion.id);
  const baseline = otherProduction.at(-1) ?? null;
  const currentProduction = otherProduction.filter((v) => v.name === modelVersion.name).at(-1) ?? null;
  const rateOf = (problemId: string, modelVersionId: string | undefined) =>
    errorRates.find((r) => r.problemId === problemId && r.modelVersionId === modelVersionId) ?? null;
  const rows = problems.map((problem) => ({
    problem,
    rate: rateOf(problem.id, modelVersion.id),
    baselineRate: baseline ? rateOf(problem.id, baseline.id) : null,
  }));

  return (
    <ModelVersionPage
      project={project}
      modelVersion={modelVersion}
      baseline={baseline}
      currentProduction={currentProduction}
      rows={rows}
      results={{ ...results, filter, page, pageSize: RESULTS_PAGE_SIZE }}
      permissions={{ write: can(actor, "models.write"), replay: can(actor, "replays.write") }}
      now={new Date()}
    />
  );
}
