import type { z } from "zod";
import type { FieldError } from "@/lib/errors/domain-errors";

/** zod issues → DESIGN.md's `fields: [{ path, message }]`, paths prefixed by where the value came from. */
export function zodFields(error: z.ZodError, root: string): FieldError[] {
  return error.issues.flatMap((issue) =>
    // A strict object's unknown keys: one field each, at its own path (body.notes, not body).
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: [root, ...issue.path.map(String), key].join("."), message: "is not a known field" }))
      : [{ path: [root, ...issue.path.map(String)].join("."), message: issue.message }],
  );
}
