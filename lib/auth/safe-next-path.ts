/**
 * Where to go after signing in: `next` when it names a page of this site, else
 * "/". It is resolved as the browser would (`new URL(next, base)`, which turns
 * `\` into `/` and drops tabs and newlines) and kept only when the origin is
 * unchanged; the path returned is the parsed one, so "/\evil.example" or
 * "/.//evil.example" can never come back out as a protocol-relative URL.
 */
export function safeNextPath(next: unknown, base: string): string {
  // A repeated ?next= arrives as an array: not a path.
  if (typeof next !== "string" || !next.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(base).origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}
