import { ProjectSettingsPage } from "@/components/projects/project-settings-page";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getProject } from "@/lib/projects/get-project";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";
export const metadata = { title: "Project settings" };

type Props = { params: Promise<{ slug: string }> };

export default async function Page({ params }: Props) {
  await requirePageActor("projects.write");
  const { slug } = await params;
  const project = await requirePageProject(slug);
  return <ProjectSettingsPage project={await getProject(project.id)} />;
}
