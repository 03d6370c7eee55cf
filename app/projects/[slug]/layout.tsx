import type { Metadata } from "next";
import { projectTitleTemplate } from "@/lib/projects/page-titles";
import type { ReactNode } from "react";
import { MainContent } from "@/components/layout/main-content";
import { ProjectBar } from "@/components/layout/project-bar";
import { can, requirePageActor } from "@/lib/auth/current-actor";
import { listProjects } from "@/lib/projects/list-projects";
import { requirePageProject } from "@/lib/projects/require-page-project";

export const dynamic = "force-dynamic";

type Props = { children: ReactNode; params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  return projectTitleTemplate((await params).slug);
}

export default async function ProjectLayout({ children, params }: Props) {
  const actor = await requirePageActor("projects.read");
  const { slug } = await params;
  const [project, projects] = await Promise.all([requirePageProject(slug), listProjects()]);
  return (
    <>
      <ProjectBar project={project} projects={projects} canGrade={can(actor, "grades.write")} canEditSettings={can(actor, "projects.write")} />
      <MainContent>{children}</MainContent>
    </>
  );
}
