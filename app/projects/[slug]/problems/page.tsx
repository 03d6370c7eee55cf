import { notFound } from "next/navigation";
import { ProblemsPage } from "@/components/problems/problems-page";
import { listProblems } from "@/lib/problems/list-problems";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function Page({ params }: Props) {
  await requirePageActor("problems.read");
  const { slug } = await params;
  const project = await getProjectBySlug(slug);
  if (!project) notFound();
  const problems = await listProblems(project.id);
  return <ProblemsPage project={project} problems={problems} />;
}
