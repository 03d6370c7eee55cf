import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PatternPage } from "@/components/patterns/pattern-page";
import { can, requirePageActor } from "@/lib/auth/current-actor";
import { idSchema } from "@/lib/http/id-params";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { getPattern } from "@/lib/patterns/get-pattern";
import { listPatternHistory } from "@/lib/patterns/list-pattern-history";
import { findProblemByKey } from "@/lib/problems/find-problem-by-key";
import { patternTitle } from "@/lib/projects/page-titles";
import { requirePageProject } from "@/lib/projects/require-page-project";
import { listPatternResults } from "@/lib/results/list-pattern-results";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; patternId: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { slug, patternId } = await params;
  return patternTitle(slug, patternId);
}

export default async function Page({ params }: Props) {
  const actor = await requirePageActor("patterns.read");
  const { slug, patternId } = await params;
  const project = await requirePageProject(slug);
  if (!idSchema.safeParse(patternId).success) notFound();
  const pattern = await getPattern(patternId, { projectId: project.id }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [problem, history, results] = await Promise.all([
    findProblemByKey(project.id, pattern.problemKey),
    listPatternHistory(project.id, pattern.id),
    listPatternResults(project.id, pattern.id),
  ]);
  if (!problem) notFound();
  return <PatternPage project={project} problem={problem} pattern={pattern} history={history} results={results} canWrite={can(actor, "patterns.write")} />;
}
