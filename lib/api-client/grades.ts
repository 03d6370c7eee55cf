import type { z } from "zod";
import type { gradeOutput as gradeOutputRow, gradeOutputSchema } from "@/lib/grading/grade-output";
import { apiFetch, type Jsonified } from "./api-fetch";

export type GradeOutputBody = z.input<typeof gradeOutputSchema>;

/** A person's verdict on one output of a pattern revision; every result with that output takes it. */
export function gradeOutput(body: GradeOutputBody): Promise<Jsonified<Awaited<ReturnType<typeof gradeOutputRow>>>> {
  return apiFetch("/api/v1/grades", { method: "POST", body });
}
