import { notFound } from "next/navigation";
import { ResultPage } from "@/components/results/result-page";
import { idSchema } from "@/lib/http/id-params";
import { requirePageActor } from "@/lib/auth/current-actor";
import { requirePageProject } from "@/lib/projects/require-page-project";
import { findProjectResult } from "@/lib/results/find-project-result";

export const dynamic = "force-dynamic";
export const metadata = { title: "Result" };

type Props = { params: Promise<{ slug: string; resultId: string }> };

export default async function Page({ params }: Props) {
  await requirePageActor("models.read");
  const { slug, resultId } = await params;
  const project = await requirePageProject(slug);
  const result = idSchema.safeParse(resultId).success ? await findProjectResult(project.id, resultId) : null;
  if (!result) notFound();
  return <ResultPage project={project} result={result} />;
}
