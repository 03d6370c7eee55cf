import { z } from "zod";

/** One queue job of a replay run: up to 4096 of the run's pattern revisions (the dispatcher sends max(500, batch size × concurrency)). */
export const replayBatchPayloadSchema = z.object({
  runId: z.string().min(1),
  projectId: z.string().min(1),
  modelVersionId: z.string().min(1),
  patternRevisionIds: z.array(z.string().min(1)).min(1).max(4096),
});
export type ReplayBatchPayload = z.infer<typeof replayBatchPayloadSchema>;
