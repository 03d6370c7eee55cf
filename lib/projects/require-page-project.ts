import "server-only";
import { notFound } from "next/navigation";
import { findProjectBySlug } from "./find-project-by-slug";

/** For pages under /projects/{slug}: the project, or the 404 page. */
export async function requirePageProject(slug: string) {
  const project = await findProjectBySlug(slug);
  if (!project) notFound();
  return project;
}
