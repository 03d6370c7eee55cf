/** A model output on one line: text as is, anything else as compact JSON; `max` characters at most. */
export function outputText(output: unknown, max = 160): string {
  if (output === undefined) return "—";
  const text = typeof output === "string" ? output : JSON.stringify(output);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
