import type { z } from "zod";
import type { createProjectSchema, ProjectResource, updateProjectSchema } from "@/lib/projects/project.schema";
import { apiFetch } from "./api-fetch";

export type CreateProjectBody = z.input<typeof createProjectSchema>;
export type UpdateProjectBody = z.input<typeof updateProjectSchema>;

export function createProject(body: CreateProjectBody): Promise<ProjectResource> {
  return apiFetch("/api/v1/projects", { method: "POST", body });
}

export function updateProject(projectId: string, body: UpdateProjectBody): Promise<ProjectResource> {
  return apiFetch(`/api/v1/projects/${projectId}`, { method: "PATCH", body });
}
