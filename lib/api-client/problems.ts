import type { z } from "zod";
import type { createProblemSchema, ProblemResource, updateProblemSchema } from "@/lib/problems/problem.schema";
import { apiFetch } from "./api-fetch";

export type CreateProblemBody = z.input<typeof createProblemSchema>;
export type UpdateProblemBody = z.input<typeof updateProblemSchema>;

export function createProblem(projectId: string, body: CreateProblemBody): Promise<ProblemResource> {
  return apiFetch(`/api/v1/projects/${projectId}/problems`, { method: "POST", body });
}

export function updateProblem(problemId: string, body: UpdateProblemBody): Promise<ProblemResource> {
  return apiFetch(`/api/v1/problems/${problemId}`, { method: "PATCH", body });
}
