import { ProjectSettingsPage } from "@/components/projects/project-settings-page";
import { listProjectWebhookDeliveries } from "@/lib/alerts/list-webhook-deliveries";
import { listWebhookResources } from "@/lib/alerts/list-webhook-resources";
import { can, requirePageActor } from "@/lib/auth/current-actor";
import { getNowTestSchedule } from "@/lib/now-tests/now-test-schedule";
import { getProject } from "@/lib/projects/get-project";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "Project settings" };

type Props = { params: Promise<{ slug: string }> };

export default async function Page({ params }: Props) {
  const actor = await requirePageActor("projects.write");
  const { slug } = await params;
  const project = await requirePageProject(slug);
  const [full, schedule, hooks, deliveries] = await Promise.all([
    getProject(project.id),
    getNowTestSchedule(project.id),
    listWebhookResources(project.id, actor),
    listProjectWebhookDeliveries(project.id),
  ]);
  return (
    <ProjectSettingsPage
      project={full}
      alerts={{ schedule, hooks: hooks.items, deliveries, canManage: can(actor, "webhooks.write") && can(actor, "nowtests.write") }}
    />
  );
}
