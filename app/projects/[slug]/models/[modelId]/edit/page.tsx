import type { Metadata } from "next";
import { modelVersionTitle } from "@/lib/projects/page-titles";
import { EditModelVersionPage } from "@/components/models/edit-model-version-page";
import { toEditableModelVersion } from "@/components/models/editable-model-version";
import { requirePageActor } from "@/lib/auth/current-actor";
import { requirePageModelVersion } from "@/lib/models/require-page-model-version";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
type Props = { params: Promise<{ slug: string; modelId: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { slug, modelId } = await params;
  return modelVersionTitle(slug, modelId, "Edit");
}

export default async function Page({ params }: Props) {
  await requirePageActor("models.write");
  const { slug, modelId } = await params;
  const project = await requirePageProject(slug);
  const modelVersion = await requirePageModelVersion(project.id, modelId);
  return <EditModelVersionPage project={project} modelVersion={toEditableModelVersion(modelVersion)} />;
}
