import { z } from "zod";
import { headersSchema, jsonPathSchema } from "../shared/config-fields.schema";

/** Any JSON endpoint: a body template in, a JSON path out. One item per call. */
export const httpConfigSchema = z.object({
  kind: z.literal("http"),
  method: z.enum(["POST", "PUT", "GET"]).default("POST"),
  /** Endpoint URL; `{{input.field}}` placeholders are URL-encoded. */
  url: z.string().trim().min(1).max(2000).refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL"),
  /** Header values may use {{secret.NAME}} and {{input.field}}. */
  headers: headersSchema,
  /** JSON body; strings that are exactly one placeholder become that JSON value (see README). Default: the input itself. */
  bodyTemplate: z.json().default("{{input}}"),
  /** Where the output is in the response (JSON path); default `$` (the whole body). */
  outputPath: jsonPathSchema.default("$"),
});

export type HttpConfig = z.output<typeof httpConfigSchema>;
