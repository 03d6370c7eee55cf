import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { FieldError } from "@/lib/errors/domain-errors";
import { validatePatternInput } from "@/lib/projects/validate-pattern-input";
import { inputKindIssues, type InputKind } from "./pattern-fields.schema";

export type CheckedInput = { errors: FieldError[]; attachmentId: string | null };

/**
 * Checks an input against its kind and the project: the project's input schema
 * (JSON and text inputs), and for images an attachment of this very project.
 * `root` is the input's path ("body.input", "row 7: input").
 */
export async function checkPatternInput(
  tx: Prisma.TransactionClient,
  project: { id: string; inputSchema: unknown },
  inputKind: InputKind,
  input: unknown,
  root = "body.input",
): Promise<CheckedInput> {
  const kindIssues = inputKindIssues(inputKind, input);
  if (kindIssues.length) return { errors: kindIssues.map((i) => ({ path: [root, ...i.path].join("."), message: i.message })), attachmentId: null };
  if (inputKind === "image") {
    const { attachmentId } = input as { attachmentId: string };
    const attachment = await tx.attachment.findFirst({ where: { id: attachmentId, projectId: project.id }, select: { id: true } });
    return attachment
      ? { errors: [], attachmentId }
      : { errors: [{ path: `${root}.attachmentId`, message: "no image with this id in this project (upload it first)" }], attachmentId: null };
  }
  // validatePatternInput's paths start at "input".
  const schemaErrors = validatePatternInput(project, input).map((e) => ({ path: e.path.replace(/^input/, root), message: e.message }));
  return { errors: schemaErrors, attachmentId: null };
}
