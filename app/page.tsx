import { ProjectsPage } from "@/components/projects/projects-page";
import { listProjects } from "@/lib/projects/list-projects";
import { can, requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
// The root layout's template does not apply to a page in its own segment.
export const metadata = { title: { absolute: "Projects · Ratchet" } };

export default async function Page() {
  const actor = await requirePageActor("projects.read");
  const projects = await listProjects();
  return <ProjectsPage projects={projects} canWrite={can(actor, "projects.write")} />;
}
