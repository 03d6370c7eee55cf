import type { Metadata } from "next";
import { toChartSignoffs } from "@/components/signoffs/to-chart-signoffs";
import { toChartPoint } from "@/components/charts/to-chart-point";
import { SignoffReportPage } from "@/components/signoffs/signoff-report-page";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getGateResource } from "@/lib/gate/get-gate-resource";
import { requirePageModelVersion } from "@/lib/models/require-page-model-version";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { listProblems } from "@/lib/problems/list-problems";
import { modelVersionTitle } from "@/lib/projects/page-titles";
import { requirePageProject } from "@/lib/projects/require-page-project";
import { buildErrorRateMatrix } from "@/lib/results/build-error-rate-matrix";
import { listErrorRates } from "@/lib/results/list-error-rates";
import { listModelVersionSignoffs } from "@/lib/signoffs/list-model-version-signoffs";
import { listSignoffMarkers } from "@/lib/signoffs/list-signoff-markers";
import { listSignoffSheetRows } from "@/lib/signoffs/list-signoff-sheet-rows";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; modelId: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { slug, modelId } = await params;
  return modelVersionTitle(slug, modelId, "Release report");
}

export default async function Page({ params }: Props) {
  const actor = await requirePageActor("signoffs.read");
  const { slug, modelId } = await params;
  const project = await requirePageProject(slug);
  const modelVersion = await requirePageModelVersion(project.id, modelId);

  const [sheet, gate, problems, modelVersions, errorRates, markers, history] = await Promise.all([
    listSignoffSheetRows(project.id, modelVersion.id),
    getGateResource(modelVersion.id, actor),
    listProblems(project.id),
    listModelVersions(project.id),
    listErrorRates(project.id),
    listSignoffMarkers(project.id),
    listModelVersionSignoffs(project.id, modelVersion.id),
  ]);
  const matrix = buildErrorRateMatrix(problems, modelVersions, errorRates);
  const signoffs = toChartSignoffs(markers, matrix.rows.map((r) => r.problem.id), modelVersions.map((v) => v.id));
  const charts = matrix.rows.map(({ problem, cells }, i) => ({
    problem,
    points: cells.map(toChartPoint),
    signoffs: signoffs[i] ?? [],
  }));

  return (
    <SignoffReportPage
      project={project}
      modelVersion={modelVersion}
      sheet={sheet}
      gate={gate}
      charts={charts}
      modelVersions={modelVersions}
      history={history}
      generatedAt={new Date()}
    />
  );
}
