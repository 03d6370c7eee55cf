import type { z } from "zod";
import type { archivePattern as archivePatternRow } from "@/lib/patterns/archive-pattern";
import type { createPattern as createPatternRow } from "@/lib/patterns/create-pattern";
import type { createPatternSchema } from "@/lib/patterns/create-pattern.schema";
import type { updatePattern as updatePatternRow } from "@/lib/patterns/update-pattern";
import type { updatePatternSchema } from "@/lib/patterns/update-pattern.schema";
import { apiFetch, type Jsonified } from "./api-fetch";

export type CreatePatternBody = z.input<typeof createPatternSchema>;
export type UpdatePatternBody = z.input<typeof updatePatternSchema>;

/** The new pattern (revision 1) with `warnings` naming patterns of the problem that have the same input. */
export function createPattern(problemId: string, body: CreatePatternBody): Promise<Jsonified<Awaited<ReturnType<typeof createPatternRow>>>> {
  return apiFetch(`/api/v1/problems/${problemId}/patterns`, { method: "POST", body });
}

/** 409 with `current` when `lockVersion` is stale. */
export function updatePattern(patternId: string, body: UpdatePatternBody): Promise<Jsonified<Awaited<ReturnType<typeof updatePatternRow>>>> {
  return apiFetch(`/api/v1/patterns/${patternId}`, { method: "PATCH", body });
}

/** Archives, never deletes: revisions and results stay. */
export function archivePattern(patternId: string): Promise<Jsonified<Awaited<ReturnType<typeof archivePatternRow>>>> {
  return apiFetch(`/api/v1/patterns/${patternId}`, { method: "DELETE" });
}
