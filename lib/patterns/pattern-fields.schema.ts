import { z } from "zod";
import { idSchema } from "@/lib/http/id-params";

// Field schemas shared by create, update and import. The expectation schema is
// lib/scoring's; whether it fits the project is checked by expectationFitErrors.

export const patternNameSchema = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");
export const patternOriginSchema = z.enum(["production", "contrived"]);
export const patternNotesSchema = z.string().max(10_000, "must be at most 10,000 characters");
export const inputKindSchema = z.enum(["json", "text", "image"]);
export type InputKind = z.infer<typeof inputKindSchema>;

/** An image input points at an attachment of the same project. */
export const imageInputSchema = z.strictObject({ attachmentId: idSchema });

/** Why an input does not suit its kind (paths relative to the input), or []. */
export function inputKindIssues(kind: InputKind, input: unknown): { path: (string | number)[]; message: string }[] {
  if (input === undefined || input === null) return [{ path: [], message: "is required" }];
  if (kind === "text") {
    if (typeof input !== "string") return [{ path: [], message: "must be a string when inputKind is text" }];
    if (input.length === 0) return [{ path: [], message: "must not be empty" }];
  }
  if (kind === "image") {
    const parsed = imageInputSchema.safeParse(input);
    if (!parsed.success) return [{ path: [], message: 'must be { "attachmentId": "…" } (upload the image first) when inputKind is image' }];
  }
  return [];
}
