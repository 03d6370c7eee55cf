import type { FieldError } from "@/lib/errors/domain-errors";
import { inputSchemaSchema, validateAgainstSchema } from "./json-schema-subset";

/**
 * Checks a pattern input against the project's input schema (none: anything
 * goes). Paths start at "input", so callers prefix "body." where the input came
 * from a request body. Empty when the input is valid.
 */
export function validatePatternInput(project: { inputSchema: unknown }, input: unknown): FieldError[] {
  if (project.inputSchema === null || project.inputSchema === undefined) return [];
  const schema = inputSchemaSchema.safeParse(project.inputSchema);
  // A stored schema was validated on save; one that no longer parses must not block every pattern.
  if (!schema.success) return [];
  return validateAgainstSchema(schema.data, input, "input");
}
