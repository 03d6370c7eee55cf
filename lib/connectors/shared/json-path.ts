// A deliberately small JSON path: `$`, then any of `.name`, `["name"]`, `['name']`, `[index]`.
// Enough to point into a model response or a pattern input; no wildcards, no filters.

export type JsonPathSegment = string | number;

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['((?:[^'\\]|\\.)*)'\])/;

/** Parses a path into segments, or returns an error message. */
export function parseJsonPath(path: string): JsonPathSegment[] | { error: string } {
  if (!path.startsWith("$")) return { error: 'must start with "$"' };
  const segments: JsonPathSegment[] = [];
  let rest = path.slice(1);
  while (rest.length) {
    const match = SEGMENT.exec(rest);
    if (!match) return { error: `cannot read "${rest}" (use .name, ["name"] or [index])` };
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push((match[3] ?? match[4] ?? "").replace(/\\(.)/g, "$1"));
    rest = rest.slice(match[0].length);
  }
  return segments;
}

/** Reads a value at a path; `found: false` when any step is missing. Throws on an invalid path. */
export function readJsonPath(value: unknown, path: string): { found: true; value: unknown } | { found: false } {
  const segments = parseJsonPath(path);
  if (!Array.isArray(segments)) throw new Error(`invalid JSON path "${path}": ${segments.error}`);
  let current: unknown = value;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(current) || segment >= current.length) return { found: false };
      current = current[segment];
    } else {
      if (current === null || typeof current !== "object" || Array.isArray(current) || !Object.hasOwn(current, segment)) return { found: false };
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current === undefined ? { found: false } : { found: true, value: current };
}
