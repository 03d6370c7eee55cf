import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PatternEditorPage } from "@/components/patterns/pattern-editor-page";
import { idSchema } from "@/lib/http/id-params";
import { requirePageActor } from "@/lib/auth/current-actor";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { getPattern } from "@/lib/patterns/get-pattern";
import { findProblemByKey } from "@/lib/problems/find-problem-by-key";
import { patternTitle } from "@/lib/projects/page-titles";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; patternId: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { slug, patternId } = await params;
  return patternTitle(slug, patternId, "Edit");
}

export default async function Page({ params }: Props) {
  await requirePageActor("patterns.write");
  const { slug, patternId } = await params;
  const project = await requirePageProject(slug);
  if (!idSchema.safeParse(patternId).success) notFound();
  const pattern = await getPattern(patternId, { projectId: project.id }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // Archived patterns keep their history but are not edited: their page says so.
  if (pattern.archivedAt) notFound();
  const problem = await findProblemByKey(project.id, pattern.problemKey);
  if (!problem) notFound();
  return <PatternEditorPage project={project} problem={problem} pattern={pattern} />;
}
