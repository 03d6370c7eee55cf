import { ImportPatternsPage } from "@/components/import-export/import-patterns-page";
import { requirePageActor } from "@/lib/auth/current-actor";
import { findProblemByKey } from "@/lib/problems/find-problem-by-key";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import patterns" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ problem?: string | string[] }> };

/** `/projects/{slug}/patterns/import?problem=SENT-1`: opened from a problem, the page keeps its context (breadcrumb, way back). */
export default async function Page({ params, searchParams }: Props) {
  await requirePageActor("patterns.write");
  const { slug } = await params;
  const { problem: key } = await searchParams;
  const project = await requirePageProject(slug);
  const problem = typeof key === "string" && key ? await findProblemByKey(project.id, key) : null;
  return <ImportPatternsPage project={project} problem={problem ? { key: problem.key, title: problem.title } : null} />;
}
