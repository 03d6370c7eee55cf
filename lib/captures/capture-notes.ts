import type { Prisma } from "@/lib/db/generated/client";

const MAX_NOTES = 10_000;

/**
 * A triaged pattern's notes: what the person triaging wrote, then what came
 * with the capture (its note, rating and metadata), so the pattern keeps what
 * the user said. Within the pattern notes' 10,000 characters: the capture's
 * part is cut first, the triager's words never.
 */
export function captureNotes(notes: string, capture: Pick<Prisma.CaptureGetPayload<object>, "id" | "createdAt" | "note" | "rating" | "metadata">): string {
  const lines = [
    ...(capture.note ? [`Note: ${capture.note}`] : []),
    ...(capture.rating !== null ? [`Rating: ${capture.rating}`] : []),
    ...(capture.metadata !== null && capture.metadata !== undefined ? [`Metadata: ${JSON.stringify(capture.metadata)}`] : []),
  ];
  if (!lines.length) return notes;
  const head = `${notes ? `${notes}\n\n` : ""}From production capture ${capture.id} (${capture.createdAt.toISOString()}):\n`;
  const text = head + lines.join("\n");
  return text.length <= MAX_NOTES ? text : `${text.slice(0, Math.max(head.length, MAX_NOTES - 1))}…`.slice(0, MAX_NOTES);
}
