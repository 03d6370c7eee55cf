import { ForbiddenError } from "@/lib/errors/domain-errors";
import { env, publicUrl } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a cookie-authenticated write must come from Ratchet's own pages. Browsers
 * send `Origin` on every non-GET fetch and `Sec-Fetch-Site` on every request, and
 * a page on another origin (another port of the same host included) can forge
 * neither. Accepted: `Sec-Fetch-Site: same-origin`, or an `Origin` equal to
 * RATCHET_PUBLIC_URL's — or, when that is unset (dev, demo), to the origin the
 * request was sent to (its Host). Token-authenticated requests never reach here.
 */
export function requireSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return;
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && allowedOrigins(request).includes(origin)) return;
  throw new ForbiddenError(
    origin
      ? `Cross-site request refused: Origin ${origin} is not this server's (${allowedOrigins(request).join(", ")}). Pages on other origins cannot write with your session; use an API token.`
      : "Cross-site request refused: a request signed in with a session cookie must carry this server's Origin header. Scripts should use an API token (Authorization: Bearer rt_…).",
  );
}

function allowedOrigins(request: Request): string[] {
  if (env().RATCHET_PUBLIC_URL) return [new URL(publicUrl()).origin];
  const host = request.headers.get("host");
  if (!host) return [new URL(request.url).origin];
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? new URL(request.url).protocol.replace(":", "");
  return [`${proto}://${host}`];
}
