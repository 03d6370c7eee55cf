import type { z } from "zod";
import type { FieldError } from "@/lib/errors/domain-errors";

/** zod issues → DESIGN.md's `fields: [{ path, message }]`, paths prefixed by where the value came from. */
export function zodFields(error: z.ZodError, root: string): FieldError[] {
  return error.issues.flatMap((issue) =>
    // A strict object's unknown keys: one field each, at its own path (body.notes, not body).
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: [root, ...issue.path.map(String), key].join("."), message: "is not a known field" }))
      : [{ path: [root, ...issue.path.map(String)].join("."), message: plainMessage(issue) }],
  );
}

// zod's own messages ("Too small: expected string to have >=1 characters") start so; a schema's own message is kept as written.
const ZOD_DEFAULT = /^(Invalid input|Invalid option|Too small|Too big|Invalid string|Invalid number)\b/;

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  bigint: "a whole number",
  date: "a date",
};

const plural = (n: number | bigint, one: string) => `${n.toLocaleString("en-US")} ${one}${Number(n) === 1 ? "" : "s"}`;

/**
 * One field's message in plain words, to read after the field's name: "is
 * required", "must not be empty", "must be at least 3 characters", "must be one
 * of: case, control". Only zod's default messages are rewritten.
 */
export function plainMessage(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      if (/received undefined$/.test(issue.message)) return "is required";
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
    case "too_big": {
      const limit = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const bound = issue.code === "too_small" ? (issue.inclusive === false ? "more than" : "at least") : issue.inclusive === false ? "less than" : "at most";
      if (issue.origin === "string") return issue.code === "too_small" && Number(limit) === 1 ? "must not be empty" : `must be ${bound} ${plural(limit as number, "character")}`;
      if (issue.origin === "array" || issue.origin === "set") return issue.code === "too_small" && Number(limit) === 1 ? "must not be empty" : `must have ${bound} ${plural(limit as number, "item")}`;
      return `must be ${bound} ${String(limit)}`;
    }
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of: ${issue.values.map(String).join(", ")}`;
    case "invalid_union":
      return "is not a valid value here";
    case "invalid_format":
      return `must be a valid ${issue.format}`;
    default:
      return issue.message;
  }
}
