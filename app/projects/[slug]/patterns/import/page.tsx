import { notFound } from "next/navigation";
import { ImportPatternsPage } from "@/components/import-export/import-patterns-page";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function Page({ params }: Props) {
  await requirePageActor("patterns.write");
  const { slug } = await params;
  const project = await getProjectBySlug(slug);
  if (!project) notFound();
  return <ImportPatternsPage project={project} />;
}
