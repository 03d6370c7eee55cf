import { GatePolicyForm } from "@/components/gate/gate-policy-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { ProjectResource } from "@/lib/projects/project.schema";
import { AfterReleaseForm } from "./after-release-form";
import { ProjectForm } from "./project-form";

export function ProjectSettingsPage({ project }: { project: ProjectResource }) {
  return (
    <>
      <PageHeader title="Project settings" description={`Problem keys: ${project.keyPrefix}-1, ${project.keyPrefix}-2 … · ${project.problemCount} problems so far.`} />
      <div className="space-y-6">
        {/* Saving either form refreshes the page. Neither remounts, so each keeps its "Saved." until the next edit
            (a remount dropped it 330 ms after the save): the project form starts again from a newer project it is
            given, and the gate form reads lockVersion from its props at submit. */}
        <Card>
          <ProjectForm initial={project} />
        </Card>
        <Card title="Release gate" description="What GET /api/v1/models/{id}/gate and the ratchet CLI hold every model version to.">
          <GatePolicyForm projectId={project.id} policy={project.gatePolicy} alpha={project.alpha} lockVersion={project.lockVersion} />
        </Card>
        <div id="after-release" className="scroll-mt-4">
          <Card title="After the release" description="Checks on the production model: drift of what production captures (captures page) and the model's age (dashboard).">
            <AfterReleaseForm projectId={project.id} driftThreshold={project.driftThreshold} maxModelAgeDays={project.maxModelAgeDays} lockVersion={project.lockVersion} />
          </Card>
        </div>
      </div>
    </>
  );
}
