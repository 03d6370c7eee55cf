// Typed client for the sign-off routes, built from the routes' own zod schemas and resource type.
import type { z } from "zod";
import type { createSignoffBatchSchema, createSignoffSchema } from "@/lib/signoffs/create-signoff.schema";
import type { SignoffResource } from "@/lib/signoffs/signoff-resource";
import { apiFetch } from "./api-fetch";

/** POST /api/v1/problems/{problemId}/signoffs */
export function createSignoff(problemId: string, body: z.input<typeof createSignoffSchema>): Promise<SignoffResource> {
  return apiFetch<SignoffResource>(`/api/v1/problems/${encodeURIComponent(problemId)}/signoffs`, { method: "POST", body });
}

/** POST /api/v1/models/{modelId}/signoffs: one record per problem, all or nothing. */
export function createSignoffBatch(modelId: string, body: z.input<typeof createSignoffBatchSchema>): Promise<{ items: SignoffResource[] }> {
  return apiFetch<{ items: SignoffResource[] }>(`/api/v1/models/${encodeURIComponent(modelId)}/signoffs`, { method: "POST", body });
}
