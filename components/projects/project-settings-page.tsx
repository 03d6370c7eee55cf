import { WebhooksSection } from "@/components/alerts/webhooks-section";
import { GatePolicyForm } from "@/components/gate/gate-policy-form";
import { NowTestScheduleForm } from "@/components/now-tests/now-test-schedule-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { WebhookDeliveryResource, WebhookResource } from "@/lib/alerts/webhook-resource";
import type { NowTestScheduleResource } from "@/lib/now-tests/now-test-schedule";
import type { ProjectResource } from "@/lib/projects/project.schema";
import { AfterReleaseForm } from "./after-release-form";
import { ProjectForm } from "./project-form";

type Props = {
  project: ProjectResource;
  /** After the release: the now-test schedule, webhooks and their delivery log. */
  alerts: { schedule: NowTestScheduleResource; hooks: WebhookResource[]; deliveries: WebhookDeliveryResource[]; canManage: boolean };
};

export function ProjectSettingsPage({ project, alerts }: Props) {
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
        <Card title="Now-tests" description="Replays the production version on every current pattern on a schedule, and reports outputs that changed although the version did not.">
          <NowTestScheduleForm
            projectId={project.id}
            canManage={alerts.canManage}
            schedule={{ ...alerts.schedule, nextRunAt: alerts.schedule.nextRunAt?.toISOString() ?? null, lastRunAt: alerts.schedule.lastRunAt?.toISOString() ?? null }}
          />
        </Card>
        <Card title="Webhooks" description="Alerts where the team already looks: a signed POST per event, retried with backoff.">
          <WebhooksSection projectId={project.id} hooks={alerts.hooks} deliveries={alerts.deliveries} canManage={alerts.canManage} />
        </Card>
      </div>
    </>
  );
}
