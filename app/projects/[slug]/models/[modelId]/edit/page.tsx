import { notFound } from "next/navigation";
import { EditModelVersionPage } from "@/components/models/edit-model-version-page";
import { toEditableModelVersion } from "@/components/models/editable-model-version";
import { idSchema } from "@/lib/api/id-params";
import { requirePageActor } from "@/lib/auth/current-actor";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { loadModelVersion } from "@/lib/models/load-model-version";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit model version" };

type Props = { params: Promise<{ slug: string; modelId: string }> };

export default async function Page({ params }: Props) {
  await requirePageActor("models.write");
  const { slug, modelId } = await params;
  const project = await getProjectBySlug(slug);
  if (!project || !idSchema.safeParse(modelId).success) notFound();
  const modelVersion = await loadModelVersion(modelId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (modelVersion.projectId !== project.id) notFound();
  return <EditModelVersionPage project={project} modelVersion={toEditableModelVersion(modelVersion)} />;
}
