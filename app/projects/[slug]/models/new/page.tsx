import { toEditableModelVersion } from "@/components/models/editable-model-version";
import { NewModelVersionPage } from "@/components/models/new-model-version-page";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listModelVersionTemplates } from "@/lib/models/list-model-version-templates";
import { listTestPatternOptions } from "@/lib/models/list-test-pattern-options";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "Register a model version" };

type Props = { params: Promise<{ slug: string }> };

export default async function Page({ params }: Props) {
  await requirePageActor("models.write");
  const { slug } = await params;
  const project = await requirePageProject(slug);
  const [templates, testPatterns] = await Promise.all([listModelVersionTemplates(project.id), listTestPatternOptions(project.id)]);
  return <NewModelVersionPage project={project} templates={templates.map(toEditableModelVersion)} testPatterns={testPatterns} />;
}
