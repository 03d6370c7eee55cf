import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ModelVersionForm, type EditableModelVersion } from "./model-version-form";

type NewModelVersionPageProps = {
  project: { id: string; slug: string };
  templates: EditableModelVersion[];
};

export function NewModelVersionPage({ project, templates }: NewModelVersionPageProps) {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href={`/projects/${project.slug}/models`} className="hover:underline">
            Model versions
          </Link>
        }
        title="Register a model version"
        description="Ratchet replays every current pattern against it as soon as it is registered (onnx and predictions versions: once their file is uploaded)."
      />
      <ModelVersionForm project={project} templates={templates} />
    </div>
  );
}
