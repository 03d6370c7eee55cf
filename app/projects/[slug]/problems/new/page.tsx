import { NewProblemPage } from "@/components/problems/new-problem-page";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listOwnerOptions } from "@/lib/problems/list-owner-options";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "Log a problem" };

type Props = { params: Promise<{ slug: string }> };

export default async function Page({ params }: Props) {
  await requirePageActor("problems.write");
  const { slug } = await params;
  const project = await requirePageProject(slug);
  return <NewProblemPage project={project} owners={await listOwnerOptions()} />;
}
