// A JSON body template typed into the connector form, parsed with a message in
// words (issue 15 item 5): the parser's own ("Expected property name or '}' in
// JSON at position 11") names neither the mistake nor the fix, and the usual
// mistake is a placeholder written without quotes: { "input": {{input}} }.

export type ParsedJsonTemplate = { ok: true; value: unknown } | { ok: false; reason: string };

const QUOTE_HINT = 'Placeholders go inside quotes, e.g. "input": "{{input}}" (a string that is exactly one placeholder is replaced by the value itself).';

/** What the engine's message says, in words; null when it is not one we know. */
const MISTAKES: [RegExp, string][] = [
  [/Unexpected end of JSON input/i, "it ends too early: a closing }, ] or \" is missing"],
  [/Unterminated string/i, "a text value has no closing \""],
  [/Bad control character|control character/i, "a text value contains a line break or tab: write \\n or \\t instead"],
  [/Expected double-quoted property name/i, "a field name must be in double quotes, and no comma may come before a closing }"],
  [/Expected property name or '}'/i, "a field name in double quotes (or a closing }) was expected"],
  [/Expected ':' after property name/i, "a : is missing after a field name"],
  [/Expected ',' or '}' after property value/i, "a comma or a closing } is missing after a value"],
  [/Expected ',' or '\]' after array element/i, "a comma or a closing ] is missing after a list item"],
  [/Unexpected non-whitespace character after JSON/i, "there is more text after the JSON value ends"],
  [/Unexpected token/i, "a character appears where a value was expected (text needs double quotes)"],
];

/** Line and column (from 1) of a character offset. */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

/** Whether a {{placeholder}} appears outside a JSON string (where it can never be valid). */
function hasUnquotedPlaceholder(text: string): boolean {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" && text[i + 1] === "{") return true;
  }
  return false;
}

export function parseJsonTemplate(text: string): ParsedJsonTemplate {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : "";
    const mistake = MISTAKES.find(([pattern]) => pattern.test(message))?.[1];
    const reason = `is not valid JSON${where}${mistake ? `: ${mistake}` : ""}.`;
    return { ok: false, reason: hasUnquotedPlaceholder(text) ? `${reason} ${QUOTE_HINT}` : reason };
  }
}
