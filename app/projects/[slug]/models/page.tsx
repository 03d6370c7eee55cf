import { ModelVersionsPage } from "@/components/models/model-versions-page";
import { listModelVersions } from "@/lib/models/list-model-versions";
import { requirePageProject } from "@/lib/projects/require-page-project";
import { can, requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
export const metadata = { title: "Model versions" };

type Props = { params: Promise<{ slug: string }> };

export default async function Page({ params }: Props) {
  const actor = await requirePageActor("models.read");
  const { slug } = await params;
  const project = await requirePageProject(slug);
  const modelVersions = await listModelVersions(project.id);
  return <ModelVersionsPage project={project} modelVersions={modelVersions} canRegister={can(actor, "models.write")} now={new Date()} />;
}
