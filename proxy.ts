import { NextResponse, type NextRequest } from "next/server";
import { getSessionCookie } from "better-auth/cookies";

// Optimistic gate for pages: no session cookie → sign-in. The real check
// (session valid, role allowed) happens in every page and API route.
const PUBLIC_PAGES = [/^\/sign-in$/, /^\/setup$/, /^\/invite\/[^/]+$/];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.some((re) => re.test(pathname)) || getSessionCookie(request)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // APIs answer 401 themselves; static assets and the CLI download (/cli/ratchet.mjs) need no session.
  matcher: ["/((?!api/|_next/|cli/|favicon.ico|icon.svg|robots.txt).*)"],
};
