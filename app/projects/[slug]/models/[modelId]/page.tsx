import type { Metadata } from "next";
import { ModelVersionPage } from "@/components/models/model-version-page";
import { getGateResource } from "@/lib/gate/get-gate-resource";
import { can, requirePageActor } from "@/lib/auth/current-actor";
import { buildErrorRateMatrix } from "@/lib/results/build-error-rate-matrix";
import { chooseBaseline } from "@/lib/results/choose-baseline";
import { compareModelVersions } from "@/lib/results/compare-model-versions";
import { listErrorRates } from "@/lib/results/list-error-rates";
import { getModelVersionStanding } from "@/lib/results/get-model-version-standing";
import { listModelResultsTable, MODEL_RESULT_FILTERS, type ModelResultFilter } from "@/lib/results/list-model-results-table";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { getOutputDistributionView } from "@/lib/models/get-output-distribution-view";
import { requirePageModelVersion } from "@/lib/models/require-page-model-version";
import { summariseUnlabelledOutputs } from "@/lib/models/summarise-unlabelled-outputs";
import { listProblems } from "@/lib/problems/list-problems";
import { listNowTestTimeline } from "@/lib/now-tests/list-now-test-timeline";
import { modelVersionTitle } from "@/lib/projects/page-titles";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";

const RESULTS_PAGE_SIZE = 50;

type Props = {
  params: Promise<{ slug: string; modelId: string }>;
  searchParams: Promise<{ results?: string; page?: string }>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { slug, modelId } = await params;
  return modelVersionTitle(slug, modelId);
}

export default async function Page({ params, searchParams }: Props) {
  // Taken before any data is read: a replay that finishes while this page loads must count as
  // finishing after it, so the replay panel refreshes the tables (they may predate its last results).
  const now = new Date();
  const actor = await requirePageActor("models.read");
  const { slug, modelId } = await params;
  const query = await searchParams;
  const project = await requirePageProject(slug);
  const modelVersion = await requirePageModelVersion(project.id, modelId);

  const filter: ModelResultFilter = (MODEL_RESULT_FILTERS as readonly string[]).includes(query.results ?? "") ? (query.results as ModelResultFilter) : "all";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? "1", 10) || 1));
  const [problems, modelVersions, results, unlabelled, gate, standing, outputs, nowTests] = await Promise.all([
    listProblems(project.id),
    listModelVersions(project.id),
    listModelResultsTable(project.id, modelVersion.id, { filter, page, pageSize: RESULTS_PAGE_SIZE }),
    summariseUnlabelledOutputs(project, modelVersion.id),
    getGateResource(modelVersion.id, actor),
    getModelVersionStanding(project.id, modelVersion.id),
    getOutputDistributionView(project.id, modelVersion.id),
    listNowTestTimeline(project.id, modelVersion.id),
  ]);
  const baseline = chooseBaseline(modelVersions, modelVersion.id);
  const columns = baseline ? [modelVersion, baseline.modelVersion] : [modelVersion];
  const [errorRates, comparison] = await Promise.all([
    listErrorRates(project.id, { modelVersionIds: columns.map((v) => v.id) }),
    baseline ? compareModelVersions({ projectId: project.id, candidateId: modelVersion.id, baselineId: baseline.modelVersion.id, alpha: project.alpha }) : null,
  ]);
  const currentProduction = modelVersions.filter((v) => v.status === "production" && v.id !== modelVersion.id && v.name === modelVersion.name).at(-1) ?? null;
  const rows = buildErrorRateMatrix(problems, columns, errorRates).rows.map(({ problem, cells: [rate = null, baselineRate = null] }) => ({
    problem,
    rate,
    baselineRate,
    comparison: comparison?.problems.find((c) => c.problemId === problem.id) ?? null,
  }));

  return (
    <ModelVersionPage
      project={project}
      modelVersion={modelVersion}
      baseline={baseline}
      currentProduction={currentProduction}
      rows={rows}
      standing={standing}
      gate={gate}
      outputs={outputs}
      results={{ ...results, filter, page, pageSize: RESULTS_PAGE_SIZE }}
      unlabelled={unlabelled}
      permissions={{ write: can(actor, "models.write"), replay: can(actor, "replays.write") }}
      now={now}
      nowTests={{ entries: nowTests, canRun: can(actor, "nowtests.write") }}
    />
  );
}
