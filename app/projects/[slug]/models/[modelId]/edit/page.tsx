import { notFound } from "next/navigation";
import { EditModelVersionPage } from "@/components/models/edit-model-version-page";
import { toEditableModelVersion } from "@/components/models/editable-model-version";
import { idSchema } from "@/lib/http/id-params";
import { requirePageActor } from "@/lib/auth/current-actor";
import { findProjectModelVersion } from "@/lib/models/find-project-model-version";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit model version" };

type Props = { params: Promise<{ slug: string; modelId: string }> };

export default async function Page({ params }: Props) {
  await requirePageActor("models.write");
  const { slug, modelId } = await params;
  const project = await requirePageProject(slug);
  const modelVersion = idSchema.safeParse(modelId).success ? await findProjectModelVersion(project.id, modelId) : null;
  if (!modelVersion) notFound();
  return <EditModelVersionPage project={project} modelVersion={toEditableModelVersion(modelVersion)} />;
}
