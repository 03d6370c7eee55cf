import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { MainContent } from "@/components/layout/main-content";
import { ProjectBar } from "@/components/layout/project-bar";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { listProjects } from "@/lib/projects/list-projects";
import { requirePageActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";

type Props = { children: ReactNode; params: Promise<{ slug: string }> };

export default async function ProjectLayout({ children, params }: Props) {
  await requirePageActor("projects.read");
  const { slug } = await params;
  const [project, projects] = await Promise.all([getProjectBySlug(slug), listProjects()]);
  if (!project) notFound();
  return (
    <>
      <ProjectBar project={project} projects={projects} />
      <MainContent>{children}</MainContent>
    </>
  );
}
