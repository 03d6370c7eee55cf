import { notFound } from "next/navigation";
import { ProblemPage } from "@/components/problems/problem-page";
import { listErrorRates } from "@/lib/error-rates/list-error-rates";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { getProblemByKey } from "@/lib/problems/get-problem-by-key";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; key: string }> };

export default async function Page({ params }: Props) {
  await requirePageActor("problems.read");
  const { slug, key } = await params;
  const project = await getProjectBySlug(slug);
  if (!project) notFound();
  const problem = await getProblemByKey(project.id, decodeURIComponent(key));
  if (!problem) notFound();

  const [modelVersions, errorRates] = await Promise.all([listModelVersions(project.id), listErrorRates(project.id)]);
  const byModelVersion = new Map(errorRates.filter((r) => r.problemId === problem.id).map((r) => [r.modelVersionId, r]));
  const versions = modelVersions.map((v) => ({ ...v, rate: byModelVersion.get(v.id) ?? null }));

  return <ProblemPage project={project} problem={problem} versions={versions} />;
}
