import { NextResponse, type NextRequest } from "next/server";
import { getSessionCookie } from "better-auth/cookies";
import { API_ROUTE_METHODS } from "@/app/api/v1/api-methods.generated";
import { findAllowedMethods } from "@/lib/http/allowed-methods";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/http/content-security-policy";
import { errorResponse } from "@/lib/http/json-response";
import { publicUrl } from "@/lib/env";

// Pages: a fresh CSP nonce per request, and the optimistic gate (no session
// cookie → sign-in; the real check — session valid, role allowed — happens in
// every page and API route). /api/v1: a JSON 405 for methods a route does not
// export (Next would answer an empty body). Headers every response shares are in next.config.ts.
const PUBLIC_PAGES = [/^\/sign-in$/, /^\/setup$/, /^\/invite\/[^/]+$/];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) return apiMethodCheck(request);
  if (!PUBLIC_PAGES.some((re) => re.test(pathname)) && !getSessionCookie(request)) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const https = publicUrl().startsWith("https://");
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  // Next reads the nonce from the request's CSP header and puts it on every script it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

function apiMethodCheck(request: NextRequest) {
  const method = request.method.toUpperCase();
  if (method === "HEAD" || method === "OPTIONS") return NextResponse.next();
  const allowed = findAllowedMethods(API_ROUTE_METHODS, request.nextUrl.pathname);
  if (!allowed || allowed.includes(method)) return NextResponse.next();
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  return errorResponse(405, "method_not_allowed", `${method} is not allowed on ${request.nextUrl.pathname}; allowed: ${allow}.`, undefined, { Allow: allow });
}

export const config = {
  // Static assets and the CLI download (/cli/ratchet.mjs) need no session; other /api routes answer for themselves.
  matcher: ["/api/v1/:path*", "/((?!api/|_next/|cli/|favicon.ico|icon.svg|robots.txt).*)"],
};
