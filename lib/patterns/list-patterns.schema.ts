import { z } from "zod";
import { paginationQuerySchema } from "@/lib/http/pagination";

/** `?archived=exclude` (default) hides archived patterns; `include` shows all; `only` just the archived ones. */
export const listPatternsQuerySchema = paginationQuerySchema.extend({
  archived: z.enum(["exclude", "include", "only"]).default("exclude"),
});

export type ListPatternsQuery = z.infer<typeof listPatternsQuerySchema>;
