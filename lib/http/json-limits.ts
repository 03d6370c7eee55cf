// Limits every JSON input shares (API bodies, query values): no NUL characters
// and no lone UTF-16 surrogates, since PostgreSQL can store neither in text or
// jsonb, and no nesting deeper than
// MAX_JSON_DEPTH, since parsers and validators recurse once per level.

/** Deepest nesting of arrays and objects a JSON body may have. README "Security": 64. */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text opens more than `max` arrays/objects at once; one pass, strings skipped. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Text PostgreSQL can store: no U+0000, no lone surrogate (`"\ud800"` is valid JSON, not Unicode). */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

/** The path (`body.items.2.name`) of the first string or key PostgreSQL could not store, or null. */
export function findUnstorableTextPath(value: unknown, path: string): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableTextPath(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return `${path}.${JSON.stringify(key).slice(1, -1)}`;
      const found = findUnstorableTextPath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
