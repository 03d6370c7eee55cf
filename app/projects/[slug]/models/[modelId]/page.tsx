import { notFound } from "next/navigation";
import { ModelVersionPage } from "@/components/models/model-version-page";
import { listErrorRates } from "@/lib/error-rates/list-error-rates";
import { getModelVersion } from "@/lib/models/get-model-version";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { listProblems } from "@/lib/problems/list-problems";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; modelId: string }> };

export default async function Page({ params }: Props) {
  await requirePageActor("models.read");
  const { slug, modelId } = await params;
  const project = await getProjectBySlug(slug);
  if (!project) notFound();
  const modelVersion = await getModelVersion(project.id, modelId);
  if (!modelVersion) notFound();

  const [problems, modelVersions, errorRates] = await Promise.all([
    listProblems(project.id),
    listModelVersions(project.id),
    listErrorRates(project.id),
  ]);
  // Latest production version is the default baseline (DESIGN.md, model version page).
  const baseline = modelVersions.filter((v) => v.status === "production" && v.id !== modelVersion.id).at(-1) ?? null;
  const rateOf = (problemId: string, modelVersionId: string | undefined) =>
    errorRates.find((r) => r.problemId === problemId && r.modelVersionId === modelVersionId) ?? null;
  const rows = problems.map((problem) => ({
    problem,
    rate: rateOf(problem.id, modelVersion.id),
    baselineRate: baseline ? rateOf(problem.id, baseline.id) : null,
  }));

  return <ModelVersionPage project={project} modelVersion={modelVersion} baseline={baseline} rows={rows} now={new Date()} />;
}
