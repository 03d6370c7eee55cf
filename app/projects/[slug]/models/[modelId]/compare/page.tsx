import type { Metadata } from "next";
import { modelVersionTitle } from "@/lib/projects/page-titles";
import { ComparePage } from "@/components/compare/compare-page";
import { parseComparePage } from "@/components/compare/compare-problem-pages";
import { requirePageActor } from "@/lib/auth/current-actor";
import { DomainError } from "@/lib/errors/domain-errors";
import { requirePageModelVersion } from "@/lib/models/require-page-model-version";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { requirePageProject } from "@/lib/projects/require-page-project";
import { chooseBaseline } from "@/lib/results/choose-baseline";
import { getComparisonResource } from "@/lib/results/get-comparison-resource";
import { compareOutputDistributions } from "@/lib/models/compare-output-distributions";

export const dynamic = "force-dynamic";
type Props = {
  params: Promise<{ slug: string; modelId: string }>;
  searchParams: Promise<{ baseline?: string | string[]; page?: string | string[] }>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { slug, modelId } = await params;
  return modelVersionTitle(slug, modelId, "Compare");
}

export default async function Page({ params, searchParams }: Props) {
  await requirePageActor("models.read");
  const { slug, modelId } = await params;
  const { baseline, page } = await searchParams;
  const project = await requirePageProject(slug);
  const candidate = await requirePageModelVersion(project.id, modelId);

  const baselineId = typeof baseline === "string" && baseline ? baseline : undefined;
  const modelVersions = await listModelVersions(project.id);
  // The baseline the comparison will use (the one asked for, else chooseBaseline's): the outputs section is read beside it, not after it.
  const outputsBaselineId = baselineId ?? chooseBaseline(modelVersions, candidate.id)?.modelVersion.id;
  const outputsBaseline = modelVersions.find((v) => v.id === outputsBaselineId && v.id !== candidate.id);
  const [outcome, outputs] = await Promise.all([
    getComparisonResource(candidate.id, baselineId, { flips: true }).then(
      (comparison) => ({ comparison, problem: null }),
      // An unknown baseline, or none to compare with: the page says so and offers the picker.
      (error: unknown) => {
        if (error instanceof DomainError && (error.status === 404 || error.status === 422)) return { comparison: null, problem: error.message };
        throw error;
      },
    ),
    outputsBaseline ? compareOutputDistributions(project, candidate.id, outputsBaseline.id) : null,
  ]);

  return (
    <ComparePage
      project={project}
      candidate={candidate}
      baselineOptions={modelVersions.filter((v) => v.id !== candidate.id)}
      comparison={outcome.comparison}
      problem={outcome.problem}
      outputs={outcome.comparison ? outputs : null}
      problemPage={parseComparePage(page)}
    />
  );
}
