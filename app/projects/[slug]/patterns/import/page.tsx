import { ImportPatternsPage } from "@/components/import-export/import-patterns-page";
import { requirePageActor } from "@/lib/auth/current-actor";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import patterns" };

type Props = { params: Promise<{ slug: string }> };

export default async function Page({ params }: Props) {
  await requirePageActor("patterns.write");
  const { slug } = await params;
  const project = await requirePageProject(slug);
  return <ImportPatternsPage project={project} />;
}
