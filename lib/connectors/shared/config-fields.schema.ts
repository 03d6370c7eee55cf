import { z } from "zod";
import { parseJsonPath } from "./json-path";

// Field schemas several connector kinds share (see each kind's *-config.schema.ts).

export const jsonPathSchema = z
  .string()
  .max(500)
  .superRefine((path, ctx) => {
    const parsed = parseJsonPath(path);
    if (!Array.isArray(parsed)) ctx.addIssue({ code: "custom", message: `invalid JSON path: ${parsed.error}` });
  });

export const httpUrlSchema = z
  .string()
  .trim()
  .url("must be an absolute URL")
  .max(2000)
  .refine((url) => /^https?:\/\//i.test(url), "must be an http(s) URL")
  .transform((url) => url.replace(/\/+$/, ""));

export const nameSchema = z.string().trim().min(1, "is required").max(200);
export const labelsSchema = z.array(z.string().min(1).max(200)).min(1).max(10_000);
const headerNameSchema = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "not a valid header name");
/** Header values: text, may contain {{secret.NAME}} (and, for http, {{input…}}). */
export const headersSchema = z.record(headerNameSchema, z.string().max(4000)).default({});
export const maxBatchSizeSchema = (fallback: number, max = 1024) => z.number().int().min(1).max(max).default(fallback);
