import type { z } from "zod";
import type { FieldError } from "@/lib/errors/domain-errors";

/** zod issues → DESIGN.md's `fields: [{ path, message }]`, paths prefixed by where the value came from. */
export function zodFields(error: z.ZodError, root: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [root, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}
