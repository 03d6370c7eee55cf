import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { ProjectResource } from "@/lib/projects/project.schema";
import { ProjectForm } from "./project-form";

export function ProjectSettingsPage({ project }: { project: ProjectResource }) {
  return (
    <>
      <PageHeader title="Project settings" description={`Problem keys: ${project.keyPrefix}-1, ${project.keyPrefix}-2 … · ${project.problemCount} problems so far.`} />
      <Card>
        <ProjectForm initial={project} />
      </Card>
    </>
  );
}
