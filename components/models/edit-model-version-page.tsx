import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { modelVersionLabel } from "@/lib/models/model-version-label";
import { ModelVersionForm, type EditableModelVersion } from "./model-version-form";

type EditModelVersionPageProps = {
  project: { id: string; slug: string };
  modelVersion: EditableModelVersion;
};

export function EditModelVersionPage({ project, modelVersion }: EditModelVersionPageProps) {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href={`/projects/${project.slug}/models/${modelVersion.id}`} className="hover:underline">
            {modelVersionLabel(modelVersion)}
          </Link>
        }
        title={`Edit ${modelVersionLabel(modelVersion)}`}
        description="Connector, limits and facts. A changed connector is used from the next replay on: “Save and replay” replays now; results made with the earlier connector are marked stale until replaced."
      />
      <ModelVersionForm project={project} modelVersion={modelVersion} />
    </div>
  );
}
