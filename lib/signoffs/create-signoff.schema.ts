import { z } from "zod";
import { idSchema } from "@/lib/http/id-params";

const decision = z.enum(["approve", "reject"]);
const comment = z.string().trim().max(4000).default("");

/** POST /problems/{problemId}/signoffs */
export const createSignoffSchema = z.object({ modelVersionId: idSchema, decision, comment }).strict();
export type CreateSignoffInput = z.infer<typeof createSignoffSchema>;

/** POST /models/{modelId}/signoffs: one record per problem, all or nothing. */
export const createSignoffBatchSchema = z
  .object({ items: z.array(z.object({ problemId: idSchema, decision, comment }).strict()).min(1).max(1000) })
  .strict();
export type CreateSignoffBatchInput = z.infer<typeof createSignoffBatchSchema>;
