import { ChooseProblemForPattern } from "@/components/patterns/choose-problem-for-pattern";
import { PatternEditorPage } from "@/components/patterns/pattern-editor-page";
import { requirePageActor } from "@/lib/auth/current-actor";
import { findProblemByKey } from "@/lib/problems/find-problem-by-key";
import { listProblems } from "@/lib/problems/list-problems";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "New pattern" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ problem?: string | string[] }> };

/** `/projects/{slug}/patterns/new?problem=SENT-1`; without a (known) problem it asks for one. */
export default async function Page({ params, searchParams }: Props) {
  await requirePageActor("patterns.write");
  const { slug } = await params;
  const { problem: key } = await searchParams;
  const project = await requirePageProject(slug);
  const problem = typeof key === "string" && key ? await findProblemByKey(project.id, key) : null;
  if (!problem) return <ChooseProblemForPattern project={project} problems={await listProblems(project.id)} />;
  return <PatternEditorPage project={project} problem={problem} />;
}
