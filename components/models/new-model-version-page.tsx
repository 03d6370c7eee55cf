import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ModelVersionForm, type EditableModelVersion } from "./model-version-form";

type NewModelVersionPageProps = {
  project: { id: string; slug: string };
  templates: EditableModelVersion[];
  testPatterns: { id: string; name: string; problemKey: string }[];
};

export function NewModelVersionPage({ project, templates, testPatterns }: NewModelVersionPageProps) {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href={`/projects/${project.slug}/models`} className="hover:underline">
            Model versions
          </Link>
        }
        title="Register a model version"
        description="Test the connection first if you like. “Register and replay” replays every current pattern against it at once; “Register” saves it and leaves the replay for later (onnx and predictions versions replay once their file is uploaded)."
      />
      <ModelVersionForm project={project} templates={templates} testPatterns={testPatterns} />
    </div>
  );
}
