import type { InputKind } from "./pattern-fields.schema";

/** A one-line preview of a pattern input for lists: text as is, JSON compact (a lone "text" field unwrapped), images by name. */
export function previewInput(inputKind: InputKind, input: unknown, maxChars = 120): string {
  let text: string;
  if (inputKind === "image") text = "image";
  else if (typeof input === "string") text = input;
  else if (isSingleTextObject(input)) text = input.text;
  else text = JSON.stringify(input) ?? "";
  text = text.replace(/\s+/g, " ").trim();
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

function isSingleTextObject(input: unknown): input is { text: string } {
  return input !== null && typeof input === "object" && !Array.isArray(input) && Object.keys(input).length === 1 && typeof (input as { text?: unknown }).text === "string";
}
